/**
 * The ad studio: campaigns made from a library product image, the product cut-out (local,
 * corrected by brush, or a model's background removal), salient features, concepts, variant
 * generation through the queue, approval and export. Plain Node; the UI reaches it through the API.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import {
  AD_FORMATS,
  type AdFormatId,
  type AdVariant,
  type BrandRules,
  type Campaign,
  type Concept,
  type Theme,
} from '../../shared/model/ads';
import type { Asset } from '../../shared/model/asset';
import type { PatternLabel } from '../../shared/vocabulary/pattern-labels';
import { InvalidRequestError } from '../../shared/errors';
import type { AnalysisService } from '../analysis';
import { readOriginal } from '../analysis/model-input';
import { costOf, imageCostOf } from '../analysis/pricing';
import { spentThisMonth } from '../analysis/budget';
import type { LibraryStore } from '../store';
import { UnknownRecordError } from '../store';
import { exportApproved, type ExportedAds } from './ad-export';
import { removeCampaignFiles, saveMask, variantPath } from './campaign-files';
import { localCutout } from './cutout';
import type { BrushStroke } from './mask-edit';
import { localFeatures, modelFeatures } from './product-features';
import { productCutout, productPalette } from './product-cutout';
import { buildConcepts } from './prompts';
import { VariantQueue, ADS_PROMPT_VERSION } from './variant-queue';
import { CampaignCutouts, scaleBox } from './campaign-cutouts';

export class AdStudioError extends InvalidRequestError {}

export const DEFAULT_BRAND: BrandRules = {
  forbiddenWords: [],
  requiredDisclaimer: '',
  allowedColours: [],
  guardrailId: '',
  guardrailVersion: '',
};

export interface NewCampaign {
  name: string;
  productHash: string;
  productName: string;
  notes: string;
  copy: Campaign['copy'];
  brand?: BrandRules;
  formats: AdFormatId[];
  themes: Theme[];
  logoHash?: string | null;
}

export interface GenerateRequest {
  generator: 'local' | 'bedrock';
  /** Variants per concept and format. */
  count: number;
  conceptIds?: string[];
  formats?: AdFormatId[];
  /** Fixes the first seed (then +1 per variant) for reproducible runs. */
  seed?: number;
}

/** Labels of designs that read as a pattern behind a product (not plain, photographic or a gradient). */
const BACKDROP_PATTERNS: PatternLabel[] = ['stripes', 'checks', 'dots', 'geometric', 'floral/organic'];

export class AdStudio {
  readonly queue: VariantQueue;
  readonly cutouts: CampaignCutouts;

  constructor(
    private readonly store: LibraryStore,
    private readonly dataDir: string,
    private readonly analysis: AnalysisService,
    private readonly now: () => number = Date.now,
  ) {
    this.cutouts = new CampaignCutouts(
      dataDir,
      analysis,
      (hash) => this.asset(hash),
      (c) => store.ads.putCampaign(c),
    );
    this.queue = new VariantQueue(
      store,
      dataDir,
      analysis,
      {
        product: (c) => this.cutouts.product(c),
        logo: (c) => this.cutouts.logo(c),
        accent: (c) => c.features?.colours[0]?.hex ?? '#1b2a4a',
        pattern: async (concept) => {
          const asset = concept.patternHash ? this.store.getAsset(concept.patternHash) : undefined;
          if (!asset) return null;
          const repeat = asset.analysis.pattern.repeat;
          return { bytes: await readOriginal(asset), tile: repeat && { width: repeat.width, height: repeat.height } };
        },
      },
      now,
    );
  }

  async createCampaign(input: NewCampaign): Promise<Campaign> {
    const asset = this.asset(input.productHash);
    const id = randomUUID();
    const original = await readOriginal(asset);
    const mask = await localCutout(original);
    await saveMask(this.dataDir, id, mask);
    const features = localFeatures(productPalette(await productCutout(original, mask)), input.productName);
    const campaign: Campaign = {
      id,
      name: input.name,
      productHash: input.productHash,
      productName: input.productName,
      notes: input.notes,
      copy: input.copy,
      brand: input.brand ?? DEFAULT_BRAND,
      logoHash: input.logoHash ?? null,
      features,
      formats: input.formats,
      concepts: this.concepts(asset, input.productName, input.notes, features, input.themes),
      cutout: {
        box: scaleBox(mask.box, mask.width, asset.metadata.width, mask.height, asset.metadata.height),
        edited: false,
        method: 'local',
      },
      createdAt: this.now(),
    };
    this.store.ads.putCampaign(campaign);
    return campaign;
  }

  updateCampaign(id: string, patch: Partial<Omit<Campaign, 'id' | 'productHash' | 'createdAt' | 'cutout'>>): Campaign {
    const next = { ...this.campaign(id), ...patch };
    this.store.ads.putCampaign(next);
    return next;
  }

  rebuildConcepts(id: string, themes: Theme[]): Campaign {
    const campaign = this.campaign(id);
    const asset = this.asset(campaign.productHash);
    const features = campaign.features ?? localFeatures(asset.analysis.palette, campaign.productName);
    return this.updateCampaign(id, {
      concepts: this.concepts(asset, campaign.productName, campaign.notes, features, themes),
    });
  }

  deleteCampaign(id: string): Promise<void> {
    this.store.ads.deleteCampaign(id);
    return removeCampaignFiles(this.dataDir, id);
  }

  /** The product and its mask as PNGs, for showing and correcting the cut-out. */
  cutoutImages(id: string): Promise<{ product: Buffer; mask: Buffer; width: number; height: number }> {
    return this.cutouts.images(this.campaign(id));
  }

  editCutout(id: string, strokes: BrushStroke[]): Promise<Campaign> {
    return this.cutouts.edit(this.campaign(id), strokes);
  }

  /** A model's background removal, for products on busy backgrounds; its cost is logged like any call. */
  refineCutoutWithModel(id: string): Promise<Campaign> {
    return this.cutouts.refineWithModel(this.campaign(id));
  }

  /** Salient features from the model (type, materials, colours, selling points), cost logged. */
  async describeProduct(id: string): Promise<Campaign> {
    const campaign = this.campaign(id);
    const settings = this.analysis.settings();
    const cutout = await this.cutouts.product(campaign);
    const jpeg = await sharp(cutout.rgba, { raw: { width: cutout.width, height: cutout.height, channels: 4 } })
      .flatten({ background: '#ffffff' })
      .resize(768, 768, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer();
    const meta = {
      modelId: settings.attributesModel,
      promptVersion: ADS_PROMPT_VERSION,
      hashes: [campaign.productHash],
    };
    const { features } = await this.analysis.models.call(
      meta,
      (client) =>
        modelFeatures(client, meta.modelId, jpeg, campaign.productName, campaign.notes, settings.requestTimeoutMs),
      ({ usage }) => ({
        ...usage,
        costUsd: costOf(meta.modelId, usage.inputTokens, usage.outputTokens, settings.prices),
      }),
    );
    return this.updateCampaign(id, { features });
  }

  estimate(
    id: string,
    request: GenerateRequest,
  ): { images: number; costUsd: number; spentThisMonthUsd: number; budgetUsd: number; modelId: string } {
    const settings = this.analysis.settings();
    const images = this.plan(this.campaign(id), request).length;
    const modelId = request.generator === 'local' ? 'local' : settings.imageModel;
    const costUsd = request.generator === 'local' ? 0 : imageCostOf(settings.imageModel, images, settings.prices);
    return {
      images,
      costUsd,
      spentThisMonthUsd: spentThisMonth(this.store.analysis, this.now()),
      budgetUsd: settings.monthlyBudgetUsd,
      modelId,
    };
  }

  generate(id: string, request: GenerateRequest): AdVariant[] {
    const campaign = this.campaign(id);
    const generator = request.generator === 'local' ? 'local' : this.analysis.settings().imageModel;
    const existing = this.store.ads.listVariants(id);
    const base = request.seed ?? randomInt(0, 2_000_000_000);
    // A variant's index counts the variants of its concept and format, earlier ones included.
    const counts = new Map<string, number>();
    const variants = this.plan(campaign, request).map(({ concept, format }, i): AdVariant => {
      const key = `${concept.id}\n${format}`;
      const index =
        (counts.get(key) ?? existing.filter((e) => e.conceptId === concept.id && e.format === format).length) + 1;
      counts.set(key, index);
      const size = AD_FORMATS.find((f) => f.id === format)!;
      return {
        id: randomUUID(),
        campaignId: id,
        conceptId: concept.id,
        format,
        index,
        seed: (base + i) % 2_147_483_646,
        generator,
        state: 'queued',
        error: null,
        width: size.width,
        height: size.height,
        productBox: null,
        contrast: null,
        guardrail: [],
        prompt: concept.prompt,
        negativePrompt: concept.negativePrompt,
        costUsd: 0,
        review: 'pending',
        reviewer: null,
        reviewedAt: null,
        createdAt: this.now() + i,
      };
    });
    this.queue.enqueue(variants);
    return variants;
  }

  review(variantId: string, decision: 'approved' | 'rejected' | 'pending', reviewer: string): AdVariant {
    const variant = this.store.ads.getVariant(variantId);
    if (!variant) throw new UnknownRecordError('variant', variantId);
    if (variant.state !== 'ready' && decision === 'approved')
      throw new AdStudioError('only a rendered variant can be approved');
    this.store.ads.updateVariant(variantId, { review: decision, reviewer, reviewedAt: this.now() });
    return this.store.ads.getVariant(variantId)!;
  }

  /** The campaign's variants that have not started are cancelled (kept, for the record). */
  cancelQueued(id: string): number {
    return this.queue.cancelQueued(id);
  }

  /** A failed, blocked or cancelled variant goes back into the queue with the same seed and prompt. */
  retry(variantId: string): AdVariant {
    const variant = this.store.ads.getVariant(variantId);
    if (!variant) throw new UnknownRecordError('variant', variantId);
    if (!['failed', 'blocked', 'cancelled'].includes(variant.state))
      throw new AdStudioError('only a failed, blocked or cancelled variant can be retried');
    this.queue.enqueue([variant]);
    return this.store.ads.getVariant(variantId)!;
  }

  async deleteVariant(variantId: string): Promise<void> {
    const variant = this.store.ads.getVariant(variantId);
    if (!variant) throw new UnknownRecordError('variant', variantId);
    if (variant.state === 'generating')
      throw new AdStudioError('this variant is being rendered; delete it when it is done');
    this.store.ads.deleteVariant(variantId);
    await rm(variantPath(this.dataDir, variant.campaignId, variantId), { force: true });
  }

  export(id: string, outDir = path.join(this.dataDir, 'exports', 'ads')): Promise<ExportedAds> {
    return exportApproved(this.dataDir, outDir, this.campaign(id), this.store.ads.listVariants(id));
  }

  variantFile(variantId: string): string {
    const variant = this.store.ads.getVariant(variantId);
    if (!variant || variant.state !== 'ready') throw new UnknownRecordError('rendered variant', variantId);
    return variantPath(this.dataDir, variant.campaignId, variant.id);
  }

  private plan(campaign: Campaign, request: GenerateRequest): { concept: Concept; format: AdFormatId }[] {
    const concepts = campaign.concepts.filter((c) => !request.conceptIds || request.conceptIds.includes(c.id));
    const formats = request.formats ?? campaign.formats;
    if (!concepts.length) throw new AdStudioError('the campaign has no concept to generate from');
    return concepts.flatMap((concept) =>
      formats.flatMap((format) => Array.from({ length: request.count }, () => ({ concept, format }))),
    );
  }

  private concepts(
    asset: Asset,
    productName: string,
    notes: string,
    features: NonNullable<Campaign['features']>,
    themes: Theme[],
  ): Concept[] {
    return buildConcepts({
      productName,
      features,
      notes,
      palette: features.colours.map((c) => c.hex),
      pattern: this.patternFor(asset),
      themes,
      now: this.now(),
    });
  }

  /** A library pattern whose dominant colour is closest to the product's, for the pattern theme. */
  private patternFor(product: Asset): { hash: string; label: string; colourNames: string[]; palette: string[] } | null {
    const candidates = this.store
      .search({ patterns: BACKDROP_PATTERNS, limit: 200 })
      .items.filter((i) => i.hash !== product.hash);
    const [l, a, b] = product.analysis.palette[0]?.lab ?? [0.5, 0, 0];
    let best: { hash: string; distance: number } | null = null;
    for (const item of candidates) {
      const lab = this.store.getAsset(item.hash)?.analysis.palette[0]?.lab;
      if (!lab) continue;
      const distance = Math.hypot(lab[0] - l, lab[1] - a, lab[2] - b);
      if (!best || distance < best.distance) best = { hash: item.hash, distance };
    }
    const asset = best && this.store.getAsset(best.hash);
    return asset
      ? {
          hash: asset.hash,
          label: asset.analysis.pattern.label,
          colourNames: asset.analysis.palette.map((c) => c.name),
          palette: asset.analysis.palette.map((c) => c.hex),
        }
      : null;
  }

  private campaign(id: string): Campaign {
    const campaign = this.store.ads.getCampaign(id);
    if (!campaign) throw new UnknownRecordError('campaign', id);
    return campaign;
  }

  private asset(hash: string): Asset {
    const asset = this.store.getAsset(hash);
    if (!asset) throw new AdStudioError(`no image ${hash.slice(0, 12)}… in the library`);
    return asset;
  }
}

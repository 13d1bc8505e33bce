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
  CUTOUT_WAYS_FORWARD,
  cutoutReadiness,
  RENDERED_STATES,
  type AdFormatId,
  type AdVariant,
  type BrandRules,
  type Campaign,
  type Concept,
  type Theme,
} from '../../shared/model/ads';
import type { Asset } from '../../shared/model/asset';
import { ConflictError, InvalidRequestError } from '../../shared/errors';
import type { AnalysisService } from '../analysis';
import { readOriginal } from '../analysis/model-input';
import { costOf, imageCostOf } from '../analysis/pricing';
import { spentThisMonth } from '../analysis/budget';
import type { LibraryStore } from '../store';
import { UnknownRecordError } from '../store';
import { exportApproved, type ExportedAds } from './ad-export';
import { livePath, reelPath, removeCampaignFiles, saveMask, variantFiles, variantPath } from './campaign-files';
import { newVariants } from './new-variants';
import { ReelRunner } from './reel-runner';
import { localCutout } from './cutout';
import type { BrushStroke } from './mask-edit';
import { localFeatures, modelFeatures } from './product-features';
import { productCutout, productPalette } from './product-cutout';
import { buildConcepts } from './prompts';
import { VariantQueue, ADS_PROMPT_VERSION } from './variant-queue';
import type { VariantEdits } from './variant-edits';
import { CampaignCutouts, scaleBox } from './campaign-cutouts';
import { chooseLifestylePhoto, choosePattern, imageName } from './backdrop-choice';
import { fontFamilyOf } from './font-family';

export class AdStudioError extends InvalidRequestError {}

type CampaignPatch = Partial<Omit<Campaign, 'id' | 'productHash' | 'createdAt' | 'cutout'>>;

/** Brand font files must be readable TrueType/OpenType fonts: a clear error now, not a fallback font later. */
async function checkFonts(brand: BrandRules): Promise<void> {
  for (const file of [brand.headlineFont, brand.bodyFont]) if (file) await fontFamilyOf(file);
}

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
  /** Render each variant also as a live loop. */
  live?: boolean;
}

export class AdStudio {
  readonly queue: VariantQueue;
  readonly cutouts: CampaignCutouts;
  readonly reels: ReelRunner;
  /** Variants derived from a rendered one by editing a region (see variant-edits.ts). */
  readonly edits: VariantEdits;

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
        libraryImage: async (concept) => {
          const hash = concept.theme === 'lifestyle' ? concept.photoHash : concept.patternHash;
          const asset = hash ? this.store.getAsset(hash) : undefined;
          if (!asset) return null;
          const repeat = concept.theme === 'pattern' ? asset.analysis.pattern.repeat : null;
          return {
            hash: asset.hash,
            name: imageName(asset),
            bytes: await readOriginal(asset),
            tile: repeat ? { width: repeat.width, height: repeat.height } : null,
          };
        },
      },
      now,
    );
    this.edits = this.queue.edits;
    this.reels = new ReelRunner(store, dataDir, analysis, (id) => this.queue.emit('changed', id), now);
  }

  /** Picks up variants a previous run left queued, and says which videos it could not wait for. */
  resume(): void {
    this.queue.resume();
    this.reels.resume();
  }

  /** Lets the variant being rendered finish and stops waiting for videos. */
  async close(): Promise<void> {
    await this.queue.close();
    await this.reels.close();
  }

  /** A Nova Reel video of a rendered variant's product and prompt (asynchronous; its state is on the variant). */
  makeReel(variantId: string): AdVariant {
    const variant = this.store.ads.getVariant(variantId);
    if (!variant || !RENDERED_STATES.includes(variant.state))
      throw new UnknownRecordError('rendered variant', variantId);
    return this.reels.start(variant, this.campaign(variant.campaignId));
  }

  /** A variant's Nova Reel video file, once made. */
  reelFile(variantId: string): string {
    const variant = this.store.ads.getVariant(variantId);
    if (variant?.reel?.state !== 'done') throw new UnknownRecordError('Nova Reel video of variant', variantId);
    return reelPath(this.dataDir, variant.campaignId, variant.id);
  }

  async createCampaign(input: NewCampaign): Promise<Campaign> {
    if (input.brand) await checkFonts(input.brand);
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
      concepts: this.concepts(asset, input.productName, input.notes, features, input.themes, input.brand),
      cutout: {
        box: scaleBox(mask.box, mask.width, asset.metadata.width, mask.height, asset.metadata.height),
        edited: false,
        method: 'local',
        quality: mask.quality,
        confirmed: false,
      },
      createdAt: this.now(),
    };
    this.store.ads.putCampaign(campaign);
    return campaign;
  }

  /** A marketer's edit; brand font files are checked to be fonts before they are kept. */
  async updateCampaign(id: string, patch: CampaignPatch): Promise<Campaign> {
    if (patch.brand) await checkFonts(patch.brand);
    return this.patch(id, patch);
  }

  private patch(id: string, patch: CampaignPatch): Campaign {
    const next = { ...this.campaign(id), ...patch };
    this.store.ads.putCampaign(next);
    return next;
  }

  rebuildConcepts(id: string, themes: Theme[]): Campaign {
    const campaign = this.campaign(id);
    const asset = this.asset(campaign.productHash);
    const features = campaign.features ?? localFeatures(asset.analysis.palette, campaign.productName);
    return this.patch(id, {
      concepts: this.concepts(asset, campaign.productName, campaign.notes, features, themes, campaign.brand),
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

  /** A person's way forward from a doubtful cut-out: the whole photo, the automatic cut-out again, or this one as it is. */
  chooseCutout(id: string, use: 'whole-photo' | 'automatic' | 'as-is'): Promise<Campaign> {
    return this.cutouts.choose(this.campaign(id), use);
  }

  /** A model's background removal, for products on busy backgrounds; its cost is logged like any call. */
  refineCutoutWithModel(id: string): Promise<Campaign> {
    return this.cutouts.refineWithModel(this.campaign(id));
  }

  /**
   * Salient features from the model (type, materials, colours, selling points), cost logged. With a
   * `streamId` the answer streams in as live events and Stop ends it; the campaign changes only when whole.
   */
  async describeProduct(id: string, streamId?: string): Promise<Campaign> {
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
    const product = { jpeg, name: campaign.productName, notes: campaign.notes };
    const { features } = await this.analysis.streams.run(streamId, (watch) =>
      this.analysis.models.call(
        meta,
        (client) => modelFeatures(client, meta.modelId, product, settings.requestTimeoutMs, watch),
        ({ usage }) => ({
          ...usage,
          costUsd: costOf(meta.modelId, usage.inputTokens, usage.outputTokens, settings.prices),
        }),
      ),
    );
    return this.patch(id, { features });
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
    const variants = newVariants(this.plan(this.campaign(id), request), this.store.ads.listVariants(id), {
      campaignId: id,
      generator: request.generator === 'local' ? 'local' : this.analysis.settings().imageModel,
      baseSeed: request.seed ?? randomInt(0, 2_000_000_000),
      live: request.live ?? false,
      now: this.now(),
    });
    this.queue.enqueue(variants);
    return variants;
  }

  review(variantId: string, decision: 'approved' | 'rejected' | 'pending', reviewer: string): AdVariant {
    const variant = this.store.ads.getVariant(variantId);
    if (!variant) throw new UnknownRecordError('variant', variantId);
    if (!RENDERED_STATES.includes(variant.state) && decision === 'approved')
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
    await Promise.all(
      variantFiles(this.dataDir, variant.campaignId, variantId).map((file) => rm(file, { force: true })),
    );
  }

  export(id: string, outDir = path.join(this.dataDir, 'exports', 'ads')): Promise<ExportedAds> {
    return exportApproved(this.dataDir, outDir, this.campaign(id), this.store.ads.listVariants(id));
  }

  variantFile(variantId: string): string {
    const variant = this.store.ads.getVariant(variantId);
    if (!variant || !RENDERED_STATES.includes(variant.state))
      throw new UnknownRecordError('rendered variant', variantId);
    return variantPath(this.dataDir, variant.campaignId, variant.id);
  }

  /** A variant's live loop file, once rendered. */
  liveFile(variantId: string, format: 'webp' | 'mp4'): string {
    const variant = this.store.ads.getVariant(variantId);
    if (!variant?.live || !variant.live[format]) throw new UnknownRecordError(`live ${format} of variant`, variantId);
    return livePath(this.dataDir, variant.campaignId, variant.id, format);
  }

  private plan(campaign: Campaign, request: GenerateRequest): { concept: Concept; format: AdFormatId }[] {
    const readiness = cutoutReadiness(campaign.cutout);
    if (!readiness.usable)
      throw new ConflictError(`No ads without the product: ${readiness.reason}. ${CUTOUT_WAYS_FORWARD}`);
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
    brand: BrandRules = DEFAULT_BRAND,
  ): Concept[] {
    // The product's own colours (from its cut-out), then the brand's: what a backdrop must agree with.
    const colours = [...features.colours.map((c) => c.hex), ...brand.allowedColours];
    const wanted = colours.length ? colours : asset.analysis.palette.map((c) => c.hex);
    return buildConcepts({
      productName,
      features,
      notes,
      palette: features.colours.map((c) => c.hex),
      pattern: themes.includes('pattern') ? choosePattern(this.store, asset.hash, wanted) : null,
      photo: themes.includes('lifestyle') ? chooseLifestylePhoto(this.store, asset.hash, wanted) : null,
      themes,
      now: this.now(),
    });
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

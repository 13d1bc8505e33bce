/**
 * Editing a variant a marketer likes except for one thing: the edit is a new variant (its own id, the next
 * index of its concept and format) that names its parent and what was done, rendered through the queue like
 * any variant. The region is checked and kept as a mask file when asked; rendering keeps every pixel outside
 * the region, the product's included, exactly as the parent has it.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import sharp from 'sharp';
import {
  RENDERED_STATES,
  type AdVariant,
  type Campaign,
  type VariantEdit,
  type VariantEditRequest,
} from '../../shared/model/ads';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { InvalidRequestError } from '../../shared/errors';
import type { AnalysisService } from '../analysis';
import { writeAtomic } from '../imaging/cache-files';
import { UnknownRecordError, type LibraryStore } from '../store';
import { editMaskPath, variantPath } from './campaign-files';
import { coverage, editRegion, productMask, touchesText, type VariantFrame } from './edit-region';
import { novaEdit } from './generators/nova-canvas-edit';
import { brandProblems } from './guardrails';
import { fillRegion, localEditOf, localEditRefusal, recolourRegion } from './local-edit';
import type { VariantInputs } from './variant-queue';

/** "More like this one" stays this close to the variant unless asked otherwise (Nova's default is 0.7). */
const DEFAULT_SIMILARITY = 0.7;

type EditInputs = Pick<VariantInputs, 'product' | 'logo'>;

/** The image model, reached through the gateway (each call logged with its cost), for an edit that needs it. */
export interface EditModel {
  modelId: string;
  /** What one image costs with it. */
  costUsd: number;
  timeoutMs: number;
  call(send: (client: BedrockRuntimeClient) => Promise<Buffer>): Promise<Buffer>;
}

export class VariantEdits {
  constructor(
    private readonly store: LibraryStore,
    private readonly dataDir: string,
    private readonly analysis: AnalysisService,
    private readonly inputs: EditInputs,
    private readonly enqueue: (variants: AdVariant[]) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Checks the edit (brand rules, what the generator can do, the region), keeps its mask and queues the new variant. */
  async request(parentId: string, request: VariantEditRequest): Promise<AdVariant> {
    const parent = this.store.ads.getVariant(parentId);
    if (!parent?.productBox || !RENDERED_STATES.includes(parent.state))
      throw new UnknownRecordError('rendered variant', parentId);
    const campaign = this.store.ads.getCampaign(parent.campaignId);
    if (!campaign) throw new UnknownRecordError('campaign', parent.campaignId);
    const problems = brandProblems(
      { ...campaign.brand, requiredDisclaimer: '', allowedColours: [] },
      { copy: [], prompts: [request.prompt], colours: [] },
    );
    if (problems.length)
      throw new InvalidRequestError(`The edit's prompt breaks the brand rules: ${problems.join('; ')}.`);
    const { edit, generator } = this.editOf(request);
    const frame = await this.frameOf(campaign, parent);
    const region = editRegion(request.region, frame, await productMask(frame));
    if (coverage(region) === 0)
      throw new InvalidRequestError(
        'Nothing to edit: the region is empty or all product (the product is never changed).',
      );
    const variant = derivedVariant(parent, this.store.ads.listVariants(parent.campaignId), {
      edit,
      generator,
      now: this.now(),
    });
    await writeAtomic(editMaskPath(this.dataDir, campaign.id, variant.id), await maskPng(region, frame));
    this.enqueue([variant]);
    return this.store.ads.getVariant(variant.id) ?? variant;
  }

  /** What the edit will do and with which generator; refused when that generator cannot do it. */
  private editOf(request: VariantEditRequest): { edit: VariantEdit; generator: string } {
    const region: VariantEdit['region'] = typeof request.region === 'object' ? 'strokes' : request.region;
    const base = { prompt: request.prompt, region, similarity: null, colour: null };
    if (request.generator === 'bedrock') {
      const modelId = this.analysis.settings().imageModel;
      if (modelId.replace(/^(us|eu|apac|global)\./, '').startsWith('stability.'))
        throw new InvalidRequestError(
          `${modelId} cannot edit a region: choose Amazon Nova Canvas as the image model in Settings → AI.`,
        );
      const variation = request.mode === 'variation';
      const similarity = variation ? (request.similarity ?? DEFAULT_SIMILARITY) : null;
      return { edit: { ...base, kind: variation ? 'variation' : 'inpaint', similarity }, generator: modelId };
    }
    if (request.mode === 'variation')
      throw new InvalidRequestError('"More like this one" needs the image model (AWS credentials in Settings → AI).');
    const local = localEditOf(request.prompt);
    if (!local) throw new InvalidRequestError(localEditRefusal(request.prompt));
    if (local.kind === 'fill' && region !== 'strokes')
      throw new InvalidRequestError(
        'Removing needs something around it to fill from: brush over what to take away, or name a colour ' +
          '(e.g. "plain warm grey") for the whole region.',
      );
    const colour = local.kind === 'recolour' ? local.colour : null;
    return { edit: { ...base, kind: local.kind, colour }, generator: 'local' };
  }

  /** Renders a queued edit: the parent's pixels, changed only inside the kept region. */
  async render(variant: AdVariant, edit: VariantEdit, campaign: Campaign, model: EditModel | null): Promise<void> {
    const parent = variant.parentId ? this.store.ads.getVariant(variant.parentId) : undefined;
    const source = parent && (await readRgb(variantPath(this.dataDir, campaign.id, parent.id)));
    if (!parent || !source)
      return this.store.ads.updateVariant(variant.id, {
        state: 'failed',
        error: 'the variant it was edited from was deleted, so there is nothing to edit',
      });
    const frame = await this.frameOf(campaign, parent);
    const region = await readMask(editMaskPath(this.dataDir, campaign.id, variant.id), frame);
    const changed = await this.changed(source, region, variant, edit, frame, model);
    if (!changed)
      return this.store.ads.updateVariant(variant.id, {
        state: 'failed',
        error: 'nothing is left around the region to fill it from: brush a smaller region, or name a colour',
      });
    const rgb = Buffer.from(source);
    for (let i = 0; i < region.length; i++) if (region[i]) changed.copy(rgb, i * 3, i * 3, i * 3 + 3);
    const { width, height } = frame;
    await writeAtomic(
      variantPath(this.dataDir, campaign.id, variant.id),
      await sharp(rgb, { raw: { width, height, channels: 3 } })
        .png()
        .toBuffer(),
    );
    const attention = [
      ...(parent.attention ?? []),
      ...(touchesText(region, frame) ? ['the edit reached the copy, button or logo: check that they still read'] : []),
    ];
    this.store.ads.updateVariant(variant.id, {
      state: attention.length ? 'needs-attention' : 'ready',
      error: null,
      contrast: parent.contrast,
      legibility: parent.legibility ?? [],
      guardrail: parent.guardrail,
      attention,
      recipe: model ? null : `${parent.recipe ?? `${parent.generator}'s picture`}; then ${editWords(edit)}`,
      backgroundAssets: parent.backgroundAssets ?? [],
      costUsd: model?.costUsd ?? 0,
    });
  }

  private async changed(
    source: Buffer,
    region: Buffer,
    variant: AdVariant,
    edit: VariantEdit,
    frame: VariantFrame,
    model: EditModel | null,
  ): Promise<Buffer | null> {
    const { width, height } = frame;
    if (edit.kind === 'recolour') return recolourRegion(source, region, edit.colour ?? '#808080');
    if (edit.kind === 'fill') return fillRegion(source, width, height, region, await productMask(frame));
    if (!model) throw new Error(`a ${edit.kind} edit needs the image model`);
    const removal = localEditOf(edit.prompt)?.kind === 'fill';
    const request = {
      kind: edit.kind,
      rgb: source,
      width,
      height,
      region,
      text: removal ? null : `${edit.prompt}. ${variant.prompt}`,
      negativeText: variant.negativePrompt,
      similarity: edit.similarity ?? DEFAULT_SIMILARITY,
      seed: variant.seed,
    };
    return model.call((client) => novaEdit(client, model.modelId, request, model.timeoutMs));
  }

  private async frameOf(campaign: Campaign, parent: AdVariant): Promise<VariantFrame> {
    return {
      width: parent.width,
      height: parent.height,
      productBox: parent.productBox!,
      product: await this.inputs.product(campaign),
      copy: campaign.copy,
      brand: campaign.brand,
      hasLogo: (await this.inputs.logo(campaign)) !== null,
    };
  }
}

/** The new variant: the parent's place, seed and prompt, the next index of its concept and format. */
function derivedVariant(
  parent: AdVariant,
  existing: readonly AdVariant[],
  made: { edit: VariantEdit; generator: string; now: number },
): AdVariant {
  const siblings = existing.filter((v) => v.conceptId === parent.conceptId && v.format === parent.format);
  return {
    ...parent,
    id: randomUUID(),
    index: Math.max(0, ...siblings.map((v) => v.index)) + 1,
    generator: made.generator,
    state: 'queued',
    error: null,
    attention: [],
    recipe: null,
    liveRequested: false,
    live: null,
    reel: null,
    costUsd: 0,
    review: 'pending',
    reviewer: null,
    reviewedAt: null,
    createdAt: made.now,
    parentId: parent.id,
    edit: made.edit,
  };
}

function editWords(edit: VariantEdit): string {
  const where = {
    strokes: 'the brushed region',
    background: 'the background',
    'all-but-product': 'all but the product',
  };
  return edit.kind === 'recolour'
    ? `${where[edit.region]} painted ${edit.colour}`
    : `${where[edit.region]} filled from around it`;
}

async function maskPng(region: Buffer, frame: VariantFrame): Promise<Buffer> {
  return sharp(region, { raw: { width: frame.width, height: frame.height, channels: 1 } })
    .png()
    .toBuffer();
}

async function readMask(file: string, frame: VariantFrame): Promise<Buffer> {
  return sharp(await fs.readFile(file))
    .resize(frame.width, frame.height, { fit: 'fill', kernel: 'nearest' })
    .extractChannel(0)
    .raw()
    .toBuffer();
}

/** A variant's picture as raw RGB, or null when its file is gone. */
async function readRgb(file: string): Promise<Buffer | null> {
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return bytes && sharp(bytes).removeAlpha().raw().toBuffer();
}

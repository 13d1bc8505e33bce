/**
 * A campaign's product cut-out: the mask kept beside the campaign, shown for correction, edited by
 * brush, or replaced by a model's background removal (its cost logged like any call); and the product
 * and logo pixels the variants are composed from.
 */
import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { Campaign, CampaignCutout, CutoutQuality } from '../../shared/model/ads';
import type { Asset, Box } from '../../shared/model/asset';
import { ConflictError } from '../../shared/errors';
import type { AnalysisService } from '../analysis';
import { readOriginal } from '../analysis/model-input';
import { imageCostOf } from '../analysis/pricing';
import { loadMask, maskPath, saveMask } from './campaign-files';
import type { ProductCutout } from './compose';
import { localCutout, MASK_EDGE, measureMask, wholePhotoMask, type ProductMask } from './cutout';
import { removeBackground } from './generators/nova-canvas';
import { applyStrokes, type BrushStroke } from './mask-edit';
import { maskBox, productCutout } from './product-cutout';
import type { StoredMask } from './campaign-files';
import { ADS_PROMPT_VERSION } from './variant-queue';

const NOVA_CANVAS = 'amazon.nova-canvas-v1:0';

/** Decoded products kept for the campaigns rendered most recently (each up to a 1024 px RGBA cut-out). */
const PRODUCTS_KEPT = 4;

export class CampaignCutouts {
  private readonly products = new Map<string, { key: string; cutout: Promise<ProductCutout> }>();

  constructor(
    private readonly dataDir: string,
    private readonly analysis: AnalysisService,
    private readonly asset: (hash: string) => Asset,
    private readonly save: (campaign: Campaign) => void,
  ) {}

  /** The product and its mask as PNGs, for showing and correcting the cut-out. */
  async images(campaign: Campaign): Promise<{ product: Buffer; mask: Buffer; width: number; height: number }> {
    const mask = await loadMask(this.dataDir, campaign.id);
    const product = await sharp(await readOriginal(this.asset(campaign.productHash)))
      .autoOrient()
      .resize(mask.width, mask.height, { fit: 'fill' })
      .jpeg({ quality: 85 })
      .toBuffer();
    return {
      product,
      mask: await sharp(mask.mask, { raw: { width: mask.width, height: mask.height, channels: 1 } })
        .png()
        .toBuffer(),
      width: mask.width,
      height: mask.height,
    };
  }

  /** Brush corrections: a person shaped the product, so only an empty result is refused later. */
  async edit(campaign: Campaign, strokes: BrushStroke[]): Promise<Campaign> {
    const mask = await loadMask(this.dataDir, campaign.id);
    const edited = { ...mask, mask: applyStrokes(mask.mask, mask.width, mask.height, strokes) };
    const original = await readOriginal(this.asset(campaign.productHash));
    const quality = await measureMask(original, edited);
    const method = campaign.cutout?.method === 'bedrock' ? 'bedrock' : 'local';
    return this.keep(campaign, edited, quality, { method, edited: true, confirmed: false });
  }

  /**
   * A person's choice for a doubtful cut-out: the whole photo framed as it is, the automatic cut-out
   * made again, or the current cut-out kept as it is (never an empty one).
   */
  async choose(campaign: Campaign, use: 'whole-photo' | 'automatic' | 'as-is'): Promise<Campaign> {
    const original = await readOriginal(this.asset(campaign.productHash));
    if (use === 'whole-photo') {
      const whole = await wholePhotoMask(original);
      return this.keep(campaign, whole, whole.quality, { method: 'whole-photo', edited: false, confirmed: true });
    }
    if (use === 'automatic') {
      const auto = await localCutout(original);
      return this.keep(campaign, auto, auto.quality, { method: 'local', edited: false, confirmed: false });
    }
    const current = campaign.cutout;
    if (!current || current.quality?.confidence === 'none')
      throw new ConflictError('there is no product in this cut-out to keep: brush it in or use the whole photo');
    const next = { ...campaign, cutout: { ...current, confirmed: true } };
    this.save(next);
    return next;
  }

  async refineWithModel(campaign: Campaign): Promise<Campaign> {
    const asset = this.asset(campaign.productHash);
    const settings = this.analysis.settings();
    const input = await sharp(await readOriginal(asset))
      .autoOrient()
      .resize(MASK_EDGE, MASK_EDGE, { fit: 'inside' })
      .flatten({ background: '#ffffff' })
      .png()
      .toBuffer();
    // Background removal is a Nova Canvas task: use it even when backgrounds are painted by another model.
    const model = /nova-canvas/.test(settings.imageModel) ? settings.imageModel : NOVA_CANVAS;
    const alpha = await this.analysis.models.call(
      { modelId: model, promptVersion: ADS_PROMPT_VERSION, hashes: [campaign.productHash] },
      (client) => removeBackground(client, model, input, settings.requestTimeoutMs),
      () => ({ costUsd: imageCostOf(model, 1, settings.prices) }),
    );
    const quality = await measureMask(await readOriginal(asset), alpha);
    return this.keep(campaign, alpha, quality, { method: 'bedrock', edited: false, confirmed: false });
  }

  /**
   * The product's own pixels and mask, as every variant draws it: decoded once per campaign and mask
   * (a run renders many variants of one product), again whenever the mask file changes.
   */
  async product(campaign: Campaign): Promise<ProductCutout> {
    const mask = await fs.stat(maskPath(this.dataDir, campaign.id));
    const key = `${campaign.id}:${campaign.productHash}:${mask.mtimeMs}:${mask.size}`;
    const cached = this.products.get(campaign.id);
    if (cached?.key === key) return cached.cutout;
    const cutout = productCutout(
      await readOriginal(this.asset(campaign.productHash)),
      await loadMask(this.dataDir, campaign.id),
    );
    this.products.delete(campaign.id);
    this.products.set(campaign.id, { key, cutout });
    cutout.catch(() => this.products.delete(campaign.id));
    for (const id of [...this.products.keys()].slice(0, Math.max(0, this.products.size - PRODUCTS_KEPT)))
      this.products.delete(id);
    return cutout;
  }

  async logo(campaign: Campaign): Promise<ProductCutout | null> {
    if (!campaign.logoHash) return null;
    const logo = await readOriginal(this.asset(campaign.logoHash));
    return productCutout(logo, await localCutout(logo));
  }

  /** Saves the mask and records where the product is (original pixels) and how sure the cut-out is. */
  private async keep(
    campaign: Campaign,
    mask: StoredMask | ProductMask,
    quality: CutoutQuality,
    how: Pick<CampaignCutout, 'method' | 'edited' | 'confirmed'>,
  ): Promise<Campaign> {
    await saveMask(this.dataDir, campaign.id, mask);
    const asset = this.asset(campaign.productHash);
    const box = quality.confidence === 'none' ? { x: 0, y: 0, width: mask.width, height: mask.height } : maskBox(mask);
    const scaled = scaleBox(box, mask.width, asset.metadata.width, mask.height, asset.metadata.height);
    const next = { ...campaign, cutout: { box: scaled, quality, ...how } };
    this.save(next);
    return next;
  }
}

/** A box measured on a reduced image, in the original's pixels. */
export function scaleBox(box: Box, fromW: number, toW: number, fromH: number, toH: number): Box {
  const sx = toW / fromW;
  const sy = toH / fromH;
  return {
    x: Math.round(box.x * sx),
    y: Math.round(box.y * sy),
    width: Math.max(1, Math.round(box.width * sx)),
    height: Math.max(1, Math.round(box.height * sy)),
  };
}

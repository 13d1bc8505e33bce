/**
 * A campaign's product cut-out: the mask kept beside the campaign, shown for correction, edited by
 * brush, or replaced by a model's background removal (its cost logged like any call); and the product
 * and logo pixels the variants are composed from.
 */
import sharp from 'sharp';
import type { Campaign } from '../../shared/model/ads';
import type { Asset, Box } from '../../shared/model/asset';
import type { AnalysisService } from '../analysis';
import { readOriginal } from '../analysis/model-input';
import { imageCostOf } from '../analysis/pricing';
import { loadMask, saveMask } from './campaign-files';
import type { ProductCutout } from './compose';
import { localCutout, MASK_EDGE } from './cutout';
import { removeBackground } from './generators/nova-canvas';
import { applyStrokes, type BrushStroke } from './mask-edit';
import { productCutout } from './product-cutout';
import { ADS_PROMPT_VERSION } from './variant-queue';

const NOVA_CANVAS = 'amazon.nova-canvas-v1:0';

export class CampaignCutouts {
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

  async edit(campaign: Campaign, strokes: BrushStroke[]): Promise<Campaign> {
    const mask = await loadMask(this.dataDir, campaign.id);
    const edited = { ...mask, mask: applyStrokes(mask.mask, mask.width, mask.height, strokes) };
    await saveMask(this.dataDir, campaign.id, edited);
    const asset = this.asset(campaign.productHash);
    const { box } = await productCutout(await readOriginal(asset), edited);
    const scaled = scaleBox(box, mask.width, asset.metadata.width, mask.height, asset.metadata.height);
    return this.setCutout(campaign, scaled, true, campaign.cutout?.method ?? 'local');
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
    await saveMask(this.dataDir, campaign.id, alpha);
    const { box } = await productCutout(await readOriginal(asset), alpha);
    const scaled = scaleBox(box, alpha.width, asset.metadata.width, alpha.height, asset.metadata.height);
    return this.setCutout(campaign, scaled, false, 'bedrock');
  }

  /** The product's own pixels and mask, as every variant draws it. */
  async product(campaign: Campaign): Promise<ProductCutout> {
    return productCutout(
      await readOriginal(this.asset(campaign.productHash)),
      await loadMask(this.dataDir, campaign.id),
    );
  }

  async logo(campaign: Campaign): Promise<ProductCutout | null> {
    if (!campaign.logoHash) return null;
    const logo = await readOriginal(this.asset(campaign.logoHash));
    return productCutout(logo, await localCutout(logo));
  }

  private setCutout(campaign: Campaign, box: Box, edited: boolean, method: 'local' | 'bedrock'): Campaign {
    const next = { ...campaign, cutout: { box, edited, method } };
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

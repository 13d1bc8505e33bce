/** What the variant-edit tests share: a campaign with one rendered variant, and its pixels and masks read back. */
import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { AdVariant, BrandRules, Campaign } from '../../../shared/model/ads';
import { editMaskPath } from '../../../electron/ads/campaign-files';
import { productMask } from '../../../electron/ads/edit-region';
import { bottleCampaign, type AdsFixture } from './ads-fixture';

export async function renderedVariant(
  fixture: AdsFixture,
  brand: Partial<BrandRules> = {},
): Promise<{ campaign: Campaign; parent: AdVariant }> {
  const { ads } = fixture.engine;
  const campaign = await bottleCampaign(fixture, brand);
  const [queued] = ads.generate(campaign.id, { generator: 'local', count: 1, seed: 11 });
  await ads.queue.settled();
  return { campaign, parent: fixture.engine.store.ads.getVariant(queued.id)! };
}

/** Raw RGB of a rendered variant. */
export async function pixelsOf(fixture: AdsFixture, variant: AdVariant): Promise<Buffer> {
  return sharp(fixture.engine.ads.variantFile(variant.id)).removeAlpha().raw().toBuffer();
}

/** The region an edited variant changed (255), as kept beside it. */
export async function regionOf(fixture: AdsFixture, variant: AdVariant): Promise<Buffer> {
  return sharp(await fs.readFile(editMaskPath(fixture.dataDir, variant.campaignId, variant.id)))
    .extractChannel(0)
    .raw()
    .toBuffer();
}

/** 255 where the product covers the variant. */
export async function productOf(fixture: AdsFixture, campaign: Campaign, variant: AdVariant): Promise<Buffer> {
  return productMask({
    width: variant.width,
    height: variant.height,
    productBox: variant.productBox!,
    product: await fixture.engine.ads.cutouts.product(campaign),
    copy: campaign.copy,
    brand: campaign.brand,
    hasLogo: false,
  });
}

/** How many pixels differ between two RGB pictures where `where` is set (or unset, with `inside` false). */
export function differing(a: Buffer, b: Buffer, where: Buffer, inside = true): number {
  let count = 0;
  for (let i = 0; i < where.length; i++) {
    if (Boolean(where[i]) !== inside) continue;
    if (a[i * 3] !== b[i * 3] || a[i * 3 + 1] !== b[i * 3 + 1] || a[i * 3 + 2] !== b[i * 3 + 2]) count++;
  }
  return count;
}

export function countSet(mask: Buffer): number {
  return mask.reduce((n, v) => n + (v ? 1 : 0), 0);
}

/** A stroke from the variant's left edge to the middle of its product: half of it crosses the product. */
export function strokeIntoProduct(
  variant: AdVariant,
  radius = 40,
): { mode: 'add'; radius: number; points: [number, number][] } {
  const box = variant.productBox!;
  const y = Math.round(box.y + box.height / 2);
  return {
    mode: 'add',
    radius,
    points: [
      [radius, y],
      [Math.round(box.x + box.width / 2), y],
    ],
  };
}

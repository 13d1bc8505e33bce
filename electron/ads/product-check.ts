/**
 * The check that keeps an ad without its product from ever being "ready": the product's solid pixels
 * must be in the finished ad, unaltered (nothing drawn over them), big enough to see, and inside the
 * canvas with a margin (never touching an edge, so never cropped by a channel's own rounding).
 */
import type { Box } from '../../shared/model/asset';
import { rgbToOklab } from '../pixels';

/** Below this share of the canvas the product is not really in the ad. */
const MIN_PRODUCT_SHARE = 0.005;
/** Share of the product's solid pixels that may differ (anti-aliasing at the edge of a text box). */
const MAX_COVERED = 0.005;

/** The product as placed: raw RGBA of exactly its box, at the box's place on the canvas. */
export interface PlacedProduct {
  rgba: Buffer;
  box: Box;
}

/** `ad`: the finished ad as raw RGB, width × height. */
export function productProblems(ad: Buffer, product: PlacedProduct, width: number, height: number): string[] {
  const { rgba: layer, box } = product;
  let solid = 0;
  let changed = 0;
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const i = y * box.width + x;
      if (layer[i * 4 + 3] !== 255) continue;
      solid++;
      const a = ((box.y + y) * width + box.x + x) * 3;
      if (ad[a] !== layer[i * 4] || ad[a + 1] !== layer[i * 4 + 1] || ad[a + 2] !== layer[i * 4 + 2]) changed++;
    }
  }
  const problems: string[] = [];
  if (solid < width * height * MIN_PRODUCT_SHARE)
    problems.push(
      `the product is missing or too small: ${((100 * solid) / (width * height)).toFixed(1)} % of the ad (needs 0.5 %)`,
    );
  else if (changed > solid * MAX_COVERED)
    problems.push(`something is drawn over the product (${((100 * changed) / solid).toFixed(1)} % of its pixels)`);
  if (box.x < 1 || box.y < 1 || box.x + box.width > width - 1 || box.y + box.height > height - 1)
    problems.push('the product touches the edge of the ad and may be cropped');
  return problems;
}

/** Below this OKLab distance across the outline, product and background blur into one there. */
const BLENDING = 0.08;
/** Share of the outline that may blend into the background before the product needs help to stand out. */
const MAX_BLENDING_SHARE = 0.12;

/**
 * The share of the product's outline whose colour is within BLENDING of the background just outside it:
 * a burgundy apple on wine and rose stripes blends in wherever it touches the wine.
 */
export function outlineBlending(product: PlacedProduct, background: Buffer, width: number): number {
  const { rgba: layer, box } = product;
  let blending = 0;
  let count = 0;
  // The cut-out's edge is feathered: look a few pixels out from solid product for clear background.
  const reach = 4;
  for (let y = reach; y < box.height - reach; y += 2) {
    for (let x = reach; x < box.width - reach; x += 2) {
      const i = y * box.width + x;
      if (layer[i * 4 + 3] < 250) continue;
      const outside = [i - reach, i + reach, i - reach * box.width, i + reach * box.width].find(
        (j) => layer[j * 4 + 3] <= 8,
      );
      if (outside === undefined) continue;
      const ox = box.x + (outside % box.width);
      const oy = box.y + Math.floor(outside / box.width);
      const b = (oy * width + ox) * 3;
      const p = rgbToOklab(layer[i * 4], layer[i * 4 + 1], layer[i * 4 + 2]);
      const q = rgbToOklab(background[b], background[b + 1], background[b + 2]);
      if (Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]) < BLENDING) blending++;
      count++;
    }
  }
  return count ? blending / count : 0;
}

export function needsHalo(blendingShare: number): boolean {
  return blendingShare > MAX_BLENDING_SHARE;
}

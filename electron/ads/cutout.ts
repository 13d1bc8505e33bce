/**
 * A product cut-out for products shot on a plain or studio background: the background
 * colour is learnt from the image border, everything clearly different from it is product,
 * the largest connected region (holes filled) is kept, and its edge is feathered. An image
 * that already has transparency uses its own alpha. The mask is 8-bit, 255 = product.
 */
import sharp from 'sharp';
import type { Box } from '../../shared/model/asset';
import { InvalidRequestError } from '../../shared/errors';
import { rgbToOklab } from '../pixels';
import { decodeOptions, DEFAULT_PIXEL_LIMIT } from '../imaging/decode';

/** Masks are computed at this long edge and scaled up with the image when used. */
export const MASK_EDGE = 1024;
/** Distance (OKLab ×100) beyond the border's own spread that counts as "not background". */
const MIN_DISTANCE = 8;
/** A border this varied is not a plain background: a model's background removal does better. */
const COMPLEX_BORDER_SPREAD = 12;

export interface ProductMask {
  mask: Buffer;
  width: number;
  height: number;
  /** The product's bounding box in mask pixels. */
  box: Box;
  /** True when the border is too busy for a reliable local cut-out. */
  complexBackground: boolean;
}

export class CutoutError extends InvalidRequestError {}

export async function localCutout(original: Buffer, pixelLimit = DEFAULT_PIXEL_LIMIT): Promise<ProductMask> {
  const { data, info } = await sharp(original, decodeOptions(pixelLimit))
    .autoOrient()
    .resize(MASK_EDGE, MASK_EDGE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const alpha = alphaMask(data, width, height);
  const { mask, spread } = alpha ?? backgroundMask(data, width, height);
  const product = largestRegionFilled(mask, width, height);
  const box = boundingBox(product, width, height);
  if (!box) throw new CutoutError('no product found: the image looks like plain background');
  // blur() widens a one-channel image to three: take one back.
  const feathered = await sharp(product, { raw: { width, height, channels: 1 } })
    .blur(1.2)
    .extractChannel(0)
    .raw()
    .toBuffer();
  return { mask: feathered, width, height, box, complexBackground: !alpha && spread > COMPLEX_BORDER_SPREAD };
}

/** The image's own transparency, when it has some. */
function alphaMask(rgba: Buffer, width: number, height: number): { mask: Uint8Array; spread: number } | null {
  const mask = new Uint8Array(width * height);
  let transparent = 0;
  for (let i = 0; i < mask.length; i++) {
    mask[i] = rgba[i * 4 + 3] >= 128 ? 255 : 0;
    if (rgba[i * 4 + 3] < 128) transparent++;
  }
  return transparent > mask.length * 0.01 ? { mask, spread: 0 } : null;
}

function backgroundMask(rgba: Buffer, width: number, height: number): { mask: Uint8Array; spread: number } {
  const lab = (i: number) => rgbToOklab(rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]);
  const ring = Math.max(1, Math.round(Math.min(width, height) * 0.02));
  const border: [number, number, number][] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x < ring || y < ring || x >= width - ring || y >= height - ring) {
        if ((x + y) % 3 === 0) border.push(lab(y * width + x));
      }
    }
  }
  const centre: [number, number, number] = [0, 1, 2].map((k) => median(border.map((p) => p[k]))) as [
    number,
    number,
    number,
  ];
  const dist = (p: readonly number[]) => 100 * Math.hypot(p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]);
  const spread = median(border.map(dist)) * 1.4826;
  const threshold = Math.max(MIN_DISTANCE, 3 * spread);
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = dist(lab(i)) > threshold ? 255 : 0;
  return { mask, spread };
}

/** The largest 4-connected foreground region, with the background pockets it encloses filled in. */
function largestRegionFilled(mask: Uint8Array, width: number, height: number): Buffer {
  const label = new Int32Array(width * height);
  let best = 0,
    bestSize = 0,
    next = 0;
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || label[start]) continue;
    next++;
    let size = 0;
    stack.push(start);
    label[start] = next;
    while (stack.length) {
      const i = stack.pop()!;
      size++;
      for (const j of neighbours(i, width, height))
        if (mask[j] && !label[j]) {
          label[j] = next;
          stack.push(j);
        }
    }
    if (size > bestSize) {
      bestSize = size;
      best = next;
    }
  }
  // Background reachable from the border stays background; every other pixel is product.
  const outside = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) {
    const onBorder = i % width === 0 || i % width === width - 1 || i < width || i >= mask.length - width;
    if (onBorder && label[i] !== best && !outside[i]) {
      outside[i] = 1;
      stack.push(i);
    }
  }
  while (stack.length) {
    const i = stack.pop()!;
    for (const j of neighbours(i, width, height))
      if (label[j] !== best && !outside[j]) {
        outside[j] = 1;
        stack.push(j);
      }
  }
  const out = Buffer.alloc(width * height);
  for (let i = 0; i < out.length; i++) out[i] = best && !outside[i] ? 255 : 0;
  return out;
}

function* neighbours(i: number, width: number, height: number): Generator<number> {
  const x = i % width;
  if (x > 0) yield i - 1;
  if (x < width - 1) yield i + 1;
  if (i >= width) yield i - width;
  if (i < width * (height - 1)) yield i + width;
}

function boundingBox(mask: Uint8Array, width: number, height: number): Box | null {
  let x0 = width,
    y0 = height,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

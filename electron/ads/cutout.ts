/**
 * A product cut-out for products shot on a plain or studio background: the background
 * colour is learnt from the image border, everything clearly different from it is product,
 * the largest connected region is kept with its small holes filled (a white print on the
 * product stays product) while a large enclosed pocket of backdrop (a mug handle's hole)
 * stays transparent, and its edge is feathered. An image that already has transparency uses
 * its own alpha. The mask is 8-bit, 255 = product. It comes with how sure it is: an empty
 * or doubtful cut-out is returned as such, never thrown away or passed off as a product.
 */
import sharp from 'sharp';
import type { CutoutQuality } from '../../shared/model/ads';
import type { Box } from '../../shared/model/asset';
import { rgbToOklab } from '../pixels';
import { decodeOptions, DEFAULT_PIXEL_LIMIT } from '../imaging/decode';
import { measureCutout } from './cutout-quality';

/** Masks are computed at this long edge and scaled up with the image when used. */
export const MASK_EDGE = 1024;
/** Distance (OKLab ×100) beyond the border's own spread that counts as "not background". */
const MIN_DISTANCE = 8;
/** An enclosed pocket of backdrop at least this share of the frame is a hole through the product, not a print on it. */
const MIN_HOLE_SHARE = 0.002;

export interface ProductMask {
  mask: Buffer;
  width: number;
  height: number;
  /** The product's bounding box in mask pixels (the whole frame when nothing was found). */
  box: Box;
  quality: CutoutQuality;
}

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
  const quality = measureCutout({ mask: product, rgba: data, width, height, borderSpread: spread });
  const box = boundingBox(product, width, height) ?? { x: 0, y: 0, width, height };
  // blur() widens a one-channel image to three: take one back.
  const feathered = await sharp(product, { raw: { width, height, channels: 1 } })
    .blur(1.2)
    .extractChannel(0)
    .raw()
    .toBuffer();
  return { mask: feathered, width, height, box, quality };
}

/**
 * The confidence of a mask made some other way (a model's background removal, a brush): measured
 * against the photo like the automatic one, with no background model of its own to doubt.
 */
export async function measureMask(
  original: Buffer,
  m: { mask: Buffer; width: number; height: number },
  pixelLimit = DEFAULT_PIXEL_LIMIT,
): Promise<CutoutQuality> {
  const rgba = await sharp(original, decodeOptions(pixelLimit))
    .autoOrient()
    .resize(m.width, m.height, { fit: 'fill' })
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer();
  const solid = Uint8Array.from(m.mask, (v) => (v >= 128 ? 255 : 0));
  return measureCutout({ mask: solid, rgba, width: m.width, height: m.height, borderSpread: 0 });
}

/** The whole photo as the product: a lifestyle shot framed as it is, not cut out. */
export async function wholePhotoMask(original: Buffer, pixelLimit = DEFAULT_PIXEL_LIMIT): Promise<ProductMask> {
  const { info } = await sharp(original, decodeOptions(pixelLimit))
    .autoOrient()
    .resize(MASK_EDGE, MASK_EDGE, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  return {
    mask: Buffer.alloc(width * height, 255),
    width,
    height,
    box: { x: 0, y: 0, width, height },
    quality: { confidence: 'high', coverage: 1, edgeAgreement: 1, backgroundUniformity: 1, problems: [] },
  };
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

/** The largest 4-connected foreground region, with the small background pockets it encloses filled in. */
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
  openLargeHoles(out, label, width, height);
  return out;
}

/** Enclosed backdrop pockets large enough to be a hole through the product go back to transparent. */
function openLargeHoles(out: Buffer, label: Int32Array, width: number, height: number): void {
  const seen = new Uint8Array(out.length);
  const minSize = out.length * MIN_HOLE_SHARE;
  for (let start = 0; start < out.length; start++) {
    if (!out[start] || label[start] !== 0 || seen[start]) continue;
    const pocket = floodBackdrop(start, out, label, seen, width, height);
    if (pocket.length >= minSize) for (const i of pocket) out[i] = 0;
  }
}

/** The enclosed backdrop-coloured pixels 4-connected to `start`. */
function floodBackdrop(
  start: number,
  out: Buffer,
  label: Int32Array,
  seen: Uint8Array,
  width: number,
  height: number,
): number[] {
  const pocket: number[] = [];
  const stack = [start];
  seen[start] = 1;
  while (stack.length) {
    const i = stack.pop()!;
    pocket.push(i);
    for (const j of neighbours(i, width, height))
      if (out[j] && label[j] === 0 && !seen[j]) {
        seen[j] = 1;
        stack.push(j);
      }
  }
  return pocket;
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

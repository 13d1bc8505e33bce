/**
 * The product as an RGBA cut-out: the original resized to the mask's size, the mask as its
 * alpha, cropped to the product's bounding box so layouts fit the product, not its margins.
 */
import sharp from 'sharp';
import type { Box, PaletteColour } from '../../shared/model/asset';
import { extractPalette } from '../pixels';
import { decodeOptions, DEFAULT_PIXEL_LIMIT } from '../imaging/decode';
import type { ProductCutout } from './compose';
import type { StoredMask } from './campaign-files';

export async function productCutout(
  original: Buffer,
  m: StoredMask,
  pixelLimit = DEFAULT_PIXEL_LIMIT,
): Promise<ProductCutout & { box: Box }> {
  const rgb = await sharp(original, decodeOptions(pixelLimit))
    .autoOrient()
    .resize(m.width, m.height, { fit: 'fill' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer();
  const box = maskBox(m);
  const rgba = Buffer.alloc(box.width * box.height * 4);
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const src = (box.y + y) * m.width + box.x + x;
      const dst = (y * box.width + x) * 4;
      rgba[dst] = rgb[src * 3];
      rgba[dst + 1] = rgb[src * 3 + 1];
      rgba[dst + 2] = rgb[src * 3 + 2];
      rgba[dst + 3] = m.mask[src];
    }
  }
  return { rgba, width: box.width, height: box.height, box };
}

/** The bounding box of every pixel at least half opaque; the whole mask when none is. */
export function maskBox(m: StoredMask): Box {
  let x0 = m.width,
    y0 = m.height,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < m.height; y++) {
    for (let x = 0; x < m.width; x++) {
      if (m.mask[y * m.width + x] < 128) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < 0
    ? { x: 0, y: 0, width: m.width, height: m.height }
    : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** The palette of the product's own pixels (the mask's opaque part), so a studio backdrop is not taken for a product colour. */
export function productPalette(cutout: { rgba: Buffer; width: number; height: number }): PaletteColour[] {
  const pixels: number[] = [];
  for (let i = 0; i < cutout.width * cutout.height; i++) {
    if (cutout.rgba[i * 4 + 3] >= 200) pixels.push(cutout.rgba[i * 4], cutout.rgba[i * 4 + 1], cutout.rgba[i * 4 + 2]);
  }
  if (pixels.length === 0) return [];
  return extractPalette({ data: Uint8Array.from(pixels), width: pixels.length / 3, height: 1, channels: 3 }).colours;
}

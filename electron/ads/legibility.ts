/**
 * Whether text can be read on the pixels behind it: not their average, but how dark and light they
 * get (2nd and 98th percentile luminance, see contrast.ts) and how busy they are (the share of pixels
 * on an edge: stripes, foliage, a photo's detail). Text over a busy region gets the region behind it
 * softened (blurred) first; text still short of AA contrast gets a scrim; text on a region too busy
 * to soften gets a solid panel. What was done is reported, so a reviewer sees why an ad looks as it does.
 */
import sharp, { type OverlayOptions } from 'sharp';
import type { Box } from '../../shared/model/asset';

/** A luminance step (0–255) between neighbours that reads as an edge behind a letter. */
const EDGE_STEP = 24;
/** Share of edge pixels above which a region competes with the text drawn on it. */
export const BUSY_EDGES = 0.05;

/** Share of pixels of an RGB region that sit on an edge. */
export function busyness(rgb: Buffer, width: number, height: number): number {
  const luma = (i: number) => 0.2126 * rgb[i * 3] + 0.7152 * rgb[i * 3 + 1] + 0.0722 * rgb[i * 3 + 2];
  let edges = 0;
  let counted = 0;
  // Every other row (every column: thin vertical lines would slip between sampled columns).
  for (let y = 0; y < height - 1; y += 2) {
    for (let x = 0; x < width - 1; x++) {
      const i = y * width + x;
      counted++;
      const here = luma(i);
      if (Math.abs(luma(i + 1) - here) >= EDGE_STEP || Math.abs(luma(i + width) - here) >= EDGE_STEP) edges++;
    }
  }
  return counted ? edges / counted : 0;
}

/** The region behind a text box, blurred enough that stripes and detail stop competing with the letters. */
export async function softenedRegion(
  base: Buffer,
  width: number,
  height: number,
  box: Box,
): Promise<{ overlay: OverlayOptions; pixels: Buffer }> {
  const sigma = Math.max(4, Math.min(40, box.height * 0.35));
  const region = sharp(base, { raw: { width, height, channels: 3 } }).extract({
    left: box.x,
    top: box.y,
    width: box.width,
    height: box.height,
  });
  const pixels = await region.blur(sigma).raw().toBuffer();
  const png = await sharp(pixels, { raw: { width: box.width, height: box.height, channels: 3 } })
    .png()
    .toBuffer();
  return { overlay: { input: png, left: box.x, top: box.y }, pixels };
}

/** A near-opaque panel in the given colour: the last resort when softening cannot calm the region. */
export function panel(box: Box, light: boolean): { overlay: OverlayOptions; rgb: readonly [number, number, number] } {
  const rgb = light ? ([250, 248, 244] as const) : ([24, 24, 28] as const);
  return {
    overlay: {
      input: {
        create: {
          width: box.width,
          height: box.height,
          channels: 4,
          background: { r: rgb[0], g: rgb[1], b: rgb[2], alpha: 0.92 },
        },
      },
      left: box.x,
      top: box.y,
    },
    rgb,
  };
}

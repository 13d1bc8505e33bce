/**
 * Native-resolution tiles of very large images. A fine pattern (a 10 px weave on a 40 MP
 * scan) is averaged away in the 256 px whole-image raster, so images above
 * TILE_THRESHOLD_PIXELS also get up to four 1024×1024 crops at the quadrant centres,
 * each analysed on its own (at ¼ scale, i.e. 4 original pixels per analysis pixel).
 */
import sharp from 'sharp';
import type { Box, Segment } from '../../shared/model/asset';
import { analysisPool } from './analysis-pool';
import { decodeOptions } from './decode';
import { ANALYSIS_EDGE } from './derive';

/** 24 megapixels: beyond this the whole-image raster is reduced more than ~20×. */
export const TILE_THRESHOLD_PIXELS = 24_000_000;
export const TILE_EDGE = 1024;

export function tileBoxes(width: number, height: number): Box[] {
  if (width * height <= TILE_THRESHOLD_PIXELS) return [];
  const size = Math.min(TILE_EDGE, width, height);
  const boxes = [0.25, 0.75].flatMap((fy) =>
    [0.25, 0.75].map((fx) => ({
      x: Math.max(0, Math.min(width - size, Math.round(fx * width - size / 2))),
      y: Math.max(0, Math.min(height - size, Math.round(fy * height - size / 2))),
      width: size,
      height: size,
    })),
  );
  return boxes.filter((b, i) => boxes.findIndex((o) => o.x === b.x && o.y === b.y) === i);
}

async function analyseTile(bytes: Buffer, box: Box, pixelLimit: number): Promise<Segment> {
  const { data, info } = await sharp(bytes, decodeOptions(pixelLimit))
    .autoOrient()
    .extract({ left: box.x, top: box.y, width: box.width, height: box.height })
    .resize(ANALYSIS_EDGE, ANALYSIS_EDGE, { fit: 'inside' })
    .toColourspace('srgb')
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const raster = {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
    channels: 3 as const,
  };
  return {
    box,
    analysis: await analysisPool().analysePart(raster, { originalWidth: box.width, originalHeight: box.height }),
  };
}

/** Tiles are decoded one after another: each needs much of the original in memory. */
export async function analyseTiles(
  bytes: Buffer,
  width: number,
  height: number,
  pixelLimit: number,
): Promise<Segment[]> {
  const out: Segment[] = [];
  for (const box of tileBoxes(width, height)) out.push(await analyseTile(bytes, box, pixelLimit));
  return out;
}

/**
 * Ingest of one file: validate the header, decode once to the preview size (512 px), derive
 * the thumbnail and analysis raster from those pixels, write the thumbnail and the preview, and
 * analyse the whole image, any sheet regions and (for huge images) native tiles. A library
 * ingested before previews were written renders them on first request (see preview.ts). Deep
 * zoom loads the original file, so the preview need not be larger.
 */
import type { Box, ImageMetadata, LocalAnalysis, Segment } from '../../shared/model/asset';
import { analysisPool } from './analysis-pool';
import { previewPath, thumbnailPath, writeAtomic } from './cache-files';
import { decodePreview, DEFAULT_PIXEL_LIMIT, readMetadata, type PreviewPixels } from './decode';
import { analysisRaster, encodePreview, encodeThumbnail, flattenedRaster, reduceToThumbnail } from './derive';
import type { Raster } from '../pixels';
import { analyseTiles } from './tiles';

export interface ProcessedImage {
  metadata: ImageMetadata;
  analysis: LocalAnalysis;
  segments: Segment[];
  tiles: Segment[];
  phash: string;
  vector: number[];
}

export interface ProcessOptions {
  /** Content hash of the file: names the cache files. */
  hash: string;
  cacheDir: string;
  /** Largest accepted width × height (default 200 megapixels). */
  pixelLimit?: number;
}

export async function processImage(bytes: Buffer, opts: ProcessOptions): Promise<ProcessedImage> {
  const pixelLimit = opts.pixelLimit ?? DEFAULT_PIXEL_LIMIT;
  const metadata = await readMetadata(bytes, pixelLimit);
  // 512 px first, then 256: decoding straight to 256 px is cheaper, but JPEG's coarser
  // shrink-on-load leaves moiré in fine patterns and moved the analyzer's answers.
  const pixels = await decodePreview(bytes, pixelLimit);
  const thumb = await reduceToThumbnail(pixels);
  // Encoding runs on sharp's threads while the analysis runs in a worker. The preview is written
  // too: large grid cells and high-density screens show it, so most of it is seen, not just opened.
  const written = Promise.all([
    encodeThumbnail(thumb).then((b) => writeAtomic(thumbnailPath(opts.cacheDir, opts.hash), b)),
    encodePreview(pixels).then((b) => writeAtomic(previewPath(opts.cacheDir, opts.hash), b)),
  ]);
  // Awaited below; this only keeps an early throw from leaving it an unhandled rejection.
  written.catch(() => undefined);
  const raster = flattenedRaster(thumb);
  const whole = await analysisPool().analyseWholeImage(raster, {
    originalWidth: metadata.width,
    originalHeight: metadata.height,
  });
  const [segments, tiles] = await Promise.all([
    analyseSegments(pixels, whole.regions, raster, metadata),
    analyseTiles(bytes, metadata.width, metadata.height, pixelLimit),
    written,
  ]);
  return { metadata, analysis: whole.analysis, segments, tiles, phash: whole.phash, vector: whole.vector };
}

/** Scales a box between two pixel grids of the same image, clamped to the target. */
function scaleBox(b: Box, fromW: number, fromH: number, toW: number, toH: number): Box {
  const x = Math.max(0, Math.floor((b.x * toW) / fromW));
  const y = Math.max(0, Math.floor((b.y * toH) / fromH));
  const x1 = Math.min(toW, Math.ceil(((b.x + b.width) * toW) / fromW));
  const y1 = Math.min(toH, Math.ceil(((b.y + b.height) * toH) / fromH));
  return { x, y, width: Math.max(1, x1 - x), height: Math.max(1, y1 - y) };
}

/** The analysed crop stays 2 % inside each edge so no sliver of sheet background skews it. */
function inset(b: Box): Box {
  const dx = Math.floor(b.width * 0.02),
    dy = Math.floor(b.height * 0.02);
  return { x: b.x + dx, y: b.y + dy, width: Math.max(1, b.width - 2 * dx), height: Math.max(1, b.height - 2 * dy) };
}

/** Regions are found on the small raster but analysed on crops of the 512 px pixels, for detail. */
async function analyseSegments(
  pixels: PreviewPixels,
  boxes: Box[],
  raster: Raster,
  metadata: ImageMetadata,
): Promise<Segment[]> {
  return Promise.all(
    boxes.map(async (b) => {
      const crop = await analysisRaster(
        pixels,
        inset(scaleBox(b, raster.width, raster.height, pixels.width, pixels.height)),
      );
      const box = scaleBox(b, raster.width, raster.height, metadata.width, metadata.height);
      return {
        box,
        analysis: await analysisPool().analysePart(crop, { originalWidth: box.width, originalHeight: box.height }),
      };
    }),
  );
}

/** The raster the local analyzer sees for a file, produced exactly as ingest produces it. */
import { readFile } from 'node:fs/promises';
import { decodePreview, DEFAULT_PIXEL_LIMIT, readMetadata } from '../../electron/imaging/decode';
import { flattenedRaster, reduceToThumbnail } from '../../electron/imaging/derive';
import type { Raster } from '../../electron/pixels';

export interface IngestRaster {
  raster: Raster;
  width: number;
  height: number;
}

export async function ingestRaster(file: string): Promise<IngestRaster> {
  const bytes = await readFile(file);
  const metadata = await readMetadata(bytes, DEFAULT_PIXEL_LIMIT);
  const thumb = await reduceToThumbnail(await decodePreview(bytes, DEFAULT_PIXEL_LIMIT));
  return { raster: flattenedRaster(thumb), width: metadata.width, height: metadata.height };
}

/** Everything derived from the one decoded preview raster, via sharp on raw input (cheap). */
import sharp from 'sharp';
import { MEDIA_EDGES } from '../../shared/api/bridge';
import type { Box } from '../../shared/model/asset';
import type { PreviewPixels } from './decode';
import type { Raster } from '../pixels';

export const THUMB_EDGE = MEDIA_EDGES.thumb;
/** Long edge of the raster the analyzer sees (the thumbnail's pixels, flattened). */
export const ANALYSIS_EDGE = THUMB_EDGE;
// Effort 0: the cache is rebuilt from the originals at will, so speed beats a few % of size.
const WEBP = { quality: 80, effort: 0 } as const;

function fromRaw(p: PreviewPixels) {
  return sharp(p.data, { raw: { width: p.width, height: p.height, channels: p.channels } });
}

export function encodePreview(p: PreviewPixels): Promise<Buffer> {
  return fromRaw(p).webp(WEBP).toBuffer();
}

/** The preview reduced to the thumbnail size, alpha kept: ANALYSIS_EDGE equals THUMB_EDGE, so one resize serves both. */
export async function reduceToThumbnail(p: PreviewPixels): Promise<PreviewPixels> {
  const { data, info } = await fromRaw(p)
    .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: p.channels };
}

export function encodeThumbnail(thumb: PreviewPixels): Promise<Buffer> {
  return fromRaw(thumb).webp(WEBP).toBuffer();
}

/** The analysis raster of a thumbnail-size reduction: alpha flattened on white, in place of a second sharp pass. */
export function flattenedRaster(thumb: PreviewPixels): Raster {
  const { width, height, channels, data: src } = thumb;
  if (channels === 3)
    return { data: new Uint8Array(src.buffer, src.byteOffset, src.length), width, height, channels: 3 };
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; j < data.length; i += 4, j += 3) {
    const a = src[i + 3];
    for (let c = 0; c < 3; c++) data[j + c] = Math.round((src[i + c] * a + 255 * (255 - a)) / 255);
  }
  return { data, width, height, channels: 3 };
}

/** A crop of the preview as an analysis raster. Alpha is flattened on white: transparent areas of a design read as paper. */
export async function analysisRaster(p: PreviewPixels, box: Box): Promise<Raster> {
  let img = fromRaw(p);
  if (p.channels === 4) img = img.flatten({ background: '#ffffff' });
  img = img.extract({ left: box.x, top: box.y, width: box.width, height: box.height });
  const { data, info } = await img
    .resize(ANALYSIS_EDGE, ANALYSIS_EDGE, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
    channels: 3,
  };
}

/** Decodes encoded test images the way the pipeline does, for analyzer-level tests. */
import sharp from 'sharp';
import type { Raster } from '../../electron/pixels/raster';

export async function decodeToRaster(bytes: Buffer, maxEdge = 256): Promise<Raster> {
  const { data, info } = await sharp(bytes)
    .resize(maxEdge, maxEdge, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
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

/**
 * The single decode of a file: header checks first (so a decompression bomb is refused
 * before any pixels are allocated), then one shrink-on-load decode to the preview size.
 */
import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { MEDIA_EDGES } from '../../shared/api/bridge';
import type { ImageMetadata } from '../../shared/model/asset';
import { ImageRejectedError } from './errors';

export const DEFAULT_PIXEL_LIMIT = 200_000_000;
/** Long edge of the one decode and of the cached preview: 2× the thumbnail, enough for the sheet crops. */
export const PREVIEW_EDGE = MEDIA_EDGES.preview;
const SUPPORTED = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif', 'avif', 'svg']);

/** Decoded preview-size pixels: 8-bit sRGB, 3 or 4 channels (alpha kept for the preview). */
export interface PreviewPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

export function decodeOptions(pixelLimit: number): SharpOptions {
  // First page only; 'error' refuses truncated and corrupt data instead of guessing.
  return { limitInputPixels: pixelLimit, failOn: 'error', pages: 1, page: 0 };
}

function corrupt(err: unknown): ImageRejectedError {
  const reason = err instanceof Error ? err.message : String(err);
  if (/unsupported image format/i.test(reason))
    return new ImageRejectedError('not a supported image (unrecognised format)');
  return new ImageRejectedError(`corrupt or truncated image: ${reason.replace(/^Input (buffer|file) /i, '').trim()}`);
}

function tooLarge(width: number, height: number, pixelLimit: number): ImageRejectedError {
  return new ImageRejectedError(
    `image too large: ${width}×${height} exceeds the ${Math.round(pixelLimit / 1e6)}-megapixel limit`,
  );
}

function formatOf(meta: Metadata): string {
  // libheif reports AVIF as heif with the AV1 codec.
  return meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : String(meta.format);
}

/** Reads the header only and refuses what must not be decoded. */
export async function readMetadata(bytes: Buffer, pixelLimit: number): Promise<ImageMetadata> {
  if (bytes.length === 0) throw new ImageRejectedError('empty file (0 bytes)');
  let meta: Metadata;
  try {
    // No pixel limit here: the header is read only, and the limit is checked just below with a clearer message.
    meta = await sharp(bytes, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch (err) {
    throw corrupt(err);
  }
  if (!meta.format || !meta.width || !meta.height)
    throw new ImageRejectedError('not a supported image (unrecognised format)');
  const format = formatOf(meta);
  if (!SUPPORTED.has(format)) throw new ImageRejectedError(`not a supported image (${format})`);
  if (meta.width * meta.height > pixelLimit) throw tooLarge(meta.width, meta.height, pixelLimit);
  return {
    width: meta.autoOrient?.width ?? meta.width,
    height: meta.autoOrient?.height ?? meta.height,
    format,
    space: meta.space ?? 'srgb',
    dpi: meta.density ? Math.round(meta.density) : null,
    hasAlpha: meta.hasAlpha ?? false,
    pages: meta.pages ?? 1,
  };
}

/**
 * One decode, shrunk on load to PREVIEW_EDGE (JPEG/WebP decode at 1/2, 1/4, 1/8 scale when
 * that still covers it), oriented, converted to 8-bit sRGB.
 */
export async function decodePreview(bytes: Buffer, pixelLimit: number): Promise<PreviewPixels> {
  try {
    const { data, info } = await sharp(bytes, decodeOptions(pixelLimit))
      .autoOrient()
      .resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 && info.channels !== 4) throw new Error(`unexpected ${info.channels}-channel output`);
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message))
      throw new ImageRejectedError(`image too large: ${err.message}`);
    throw corrupt(err);
  }
}

/**
 * The cached views of an image that ingest writes from its one decode: the 256 px thumbnail and
 * the 512 px preview. They are rendered here from the original on first request when this machine
 * did not ingest the image: a library ingested before previews were written, or a team library's
 * image another member ingested (each machine keeps its own cache). Cached under the content hash.
 */
import { previewPath, thumbnailPath, writeAtomic } from './cache-files';
import { decodePreview, DEFAULT_PIXEL_LIMIT } from './decode';
import { encodePreview, encodeThumbnail, reduceToThumbnail } from './derive';

/**
 * Renders the preview of `original` into the cache and returns its path. The caller vouches
 * that the bytes hash to `hash`. The pixel limit is checked before decoding, as on ingest.
 */
export async function renderPreview(
  cacheDir: string,
  hash: string,
  original: Buffer,
  pixelLimit = DEFAULT_PIXEL_LIMIT,
): Promise<string> {
  const file = previewPath(cacheDir, hash);
  await writeAtomic(file, await encodePreview(await decodePreview(original, pixelLimit)));
  return file;
}

/** Renders the thumbnail and the preview of `original` from one decode; returns the thumbnail's path. */
export async function renderThumbnail(
  cacheDir: string,
  hash: string,
  original: Buffer,
  pixelLimit = DEFAULT_PIXEL_LIMIT,
): Promise<string> {
  const pixels = await decodePreview(original, pixelLimit);
  const file = thumbnailPath(cacheDir, hash);
  await Promise.all([
    encodeThumbnail(await reduceToThumbnail(pixels)).then((bytes) => writeAtomic(file, bytes)),
    encodePreview(pixels).then((bytes) => writeAtomic(previewPath(cacheDir, hash), bytes)),
  ]);
  return file;
}

/**
 * The 512 px preview the detail panel, quick look and large grid cells show. Ingest writes it
 * from its one decode; a library ingested before it did (when only the 256 px thumbnail was
 * written) has it rendered here from the original on first request, and cached under the
 * content hash.
 */
import { previewPath, writeAtomic } from './cache-files';
import { decodePreview, DEFAULT_PIXEL_LIMIT } from './decode';
import { encodePreview } from './derive';

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

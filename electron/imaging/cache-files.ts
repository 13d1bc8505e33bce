/** Where derived images live in the cache folder, and how they are written. */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Two-character fan-out keeps any one folder small in a 100,000-file library. */
const fanOut = (cacheDir: string, kind: string, hash: string) => join(cacheDir, kind, hash.slice(0, 2), `${hash}.webp`);

export function thumbnailPath(cacheDir: string, hash: string): string {
  return fanOut(cacheDir, 'thumbs', hash);
}

export function previewPath(cacheDir: string, hash: string): string {
  return fanOut(cacheDir, 'previews', hash);
}

/** Write to a temporary name, then rename: readers never see a half-written file. */
export async function writeAtomic(path: string, bytes: Buffer): Promise<void> {
  await makeFolder(dirname(path), FOLDER_DEPTH);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Folders made below the data folder for one file at most (ads/<campaign>/variants). */
const FOLDER_DEPTH = 3;

/**
 * Makes `dir` and up to `depth - 1` missing parents, but never the data folder itself: deleted under a running
 * app, it must make writes fail (and the app say so), not come back empty.
 */
async function makeFolder(dir: string, depth: number): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || depth <= 1) throw error;
    await makeFolder(dirname(dir), depth - 1);
    await makeFolder(dir, 1);
  }
}

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
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

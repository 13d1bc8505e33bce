import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openLibraryStore, type LibraryStore, type OpenLibraryStoreOptions } from '../../../electron/store';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A fresh data folder under the OS temp dir, removed after the test. */
export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'swatchbook-store-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Opens a real lowdb-backed store; it is closed after the test unless the test closed it. */
export async function openTempStore(
  opts: OpenLibraryStoreOptions = {},
  dir?: string,
): Promise<{ store: LibraryStore; dir: string }> {
  const dataDir = dir ?? (await makeTempDir());
  const store = await openLibraryStore(dataDir, opts);
  cleanups.unshift(() => store.close());
  return { store, dir: dataDir };
}

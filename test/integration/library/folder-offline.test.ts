import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import type { LibraryStore } from '../../../electron/store';
import type { LibraryOp } from '../../../electron/store/library-ops';
import { tempDirs, waitFor } from '../../support/temp-dirs';

/*
 * Library folders that drop and come back, with real faults: a folder renamed away and back, a tmpfs
 * unmounted from under a watched folder, a bind mount unmounted before a rescan. Nothing may be removed
 * from the library while the folder is unreachable, and nothing unchanged is read again on its return.
 */

/** Why mounting cannot be tried here (not root, a container without CAP_SYS_ADMIN, not Linux), or null. */
function mountRefusal(): string | null {
  if (process.platform !== 'linux') return 'mounting is tried on Linux only';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const noMount = mountRefusal();
if (noMount) console.log(`folder-offline: the mount tests are skipped: cannot mount here (${noMount})`);

const dirs = tempDirs();
const mounted: string[] = [];
let engine: Engine | null = null;

afterEach(async () => {
  await engine?.close();
  engine = null;
  for (const target of mounted.splice(0).reverse()) unmount(target, { lazy: true });
  await dirs.cleanup();
});

function mount(args: string[], target: string): void {
  execFileSync('mount', [...args, target], { stdio: 'pipe' });
  mounted.push(target);
}

/** Unmounts, retrying while a read of the folder holds it for a moment (EBUSY). */
function unmount(target: string, { lazy = false } = {}): void {
  for (let attempt = 0; attempt < 20; attempt++) {
    if (spawnSync('umount', [target]).status === 0) break;
    if (lazy && attempt === 0) {
      spawnSync('umount', ['-l', target]);
      break;
    }
    spawnSync('sleep', ['0.1']);
  }
  const index = mounted.indexOf(target);
  if (index >= 0) mounted.splice(index, 1);
}

/** A tmpfs holding a copy of `source` (timestamps kept), moved onto `target` at once, as a share appears. */
async function mountCopy(source: string, target: string): Promise<void> {
  const stage = await dirs.make('stage-');
  execFileSync('mount', ['-t', 'tmpfs', 'tmpfs', stage], { stdio: 'pipe' });
  execFileSync('cp', ['-a', `${source}/.`, stage]);
  execFileSync('mount', ['--move', stage, target], { stdio: 'pipe' });
  mounted.push(target);
}

/** Distinct noisy PNGs, big enough that ingesting one takes a moment. */
async function writeImages(folder: string, count: number, size = 64): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const pixels = Buffer.alloc(size * size * 3);
    for (let p = 0; p < pixels.length; p++) pixels[p] = (i * 131 + p * (7 + (i % 13)) + ((p * p) >> 5)) & 0xff;
    const file = path.join(folder, `img-${String(i).padStart(2, '0')}.png`);
    await fs.writeFile(
      file,
      await sharp(pixels, { raw: { width: size, height: size, channels: 3 } })
        .png()
        .toBuffer(),
    );
    files.push(file);
  }
  return files;
}

function hashed(store: LibraryStore, folder: string): string[] {
  return store
    .listFiles(folder)
    .filter((f) => f.hash)
    .map((f) => f.path);
}

/** Every op the store journals from now on. */
function journal(store: LibraryStore): LibraryOp[] {
  const ops: LibraryOp[] = [];
  store.onChange((op) => ops.push(op));
  return ops;
}

/** Ops that read a file under `folder` into the library again or take one out of it (not the folder's own error). */
function fileWork(ops: readonly LibraryOp[], folder: string): string[] {
  return ops.flatMap((op) => {
    if (op.type === 'recordAsset' || op.type === 'addLocation') return [`${op.type} ${op.location.path}`];
    return op.type === 'removeFile' && op.path !== folder ? [`removeFile ${op.path}`] : [];
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Longer than the rename tracker waits before it applies a removal. */
const PAST_RENAME_WINDOW_MS = 2000;
/** Time for the rescan that brought a folder back to finish walking a few files (it queues nothing). */
const SCAN_SETTLE_MS = 500;

describe('a library folder that goes offline and comes back', () => {
  it('keeps the assets of a folder renamed away mid-ingest; back by itself, it reads nothing again', async () => {
    const parent = await dirs.make('share-');
    const root = path.join(parent, 'designs');
    await fs.mkdir(root);
    const files = await writeImages(root, 40, 192);
    engine = await Engine.open({ dataDir: await dirs.make('data-'), watch: true, concurrency: 1 });
    const { library, store } = engine;
    const ops = journal(store);
    await library.addFolder(root);
    await library.startWatching().whenReady();
    await waitFor(() => hashed(store, root).length >= 3, 15_000, 'a few files ingested');

    const droppedAt = Date.now();
    const away = path.join(parent, 'designs-away');
    await fs.rename(root, away);
    const offline = (await waitFor(() => library.folders().find((f) => f.state === 'missing'), 10_000, 'offline'))!;
    expect(offline.since).toBeGreaterThanOrEqual(droppedAt);
    expect(offline.error).toMatch(/its assets are kept until it is back/);
    await sleep(PAST_RENAME_WINDOW_MS);
    await library.idle();
    const kept = hashed(store, root);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.length, 'renamed away before every file was read').toBeLessThan(files.length);
    expect(store.search({}).total).toBe(kept.length);
    // Files that could not be read because the folder went away are not failing files; the folder says why.
    expect(store.listErrors().map((e) => e.path)).toEqual([root]);
    expect(library.progress().failed).toBe(0);

    const returning = ops.length;
    await fs.rename(away, root);
    await waitFor(() => library.folders()[0].state === 'ok', 10_000, 'back by itself');
    expect(library.folders()[0]).toMatchObject({ state: 'ok', error: null, since: null });
    await waitFor(() => hashed(store, root).length === files.length, 15_000, 'the rest ingested');
    await library.idle();
    const keptAgain = new Set(kept.flatMap((p) => [`recordAsset ${p}`, `addLocation ${p}`]));
    expect(fileWork(ops.slice(returning), root).filter((work) => keptAgain.has(work))).toEqual([]);
    expect(store.listErrors()).toEqual([]);

    // Watched again: a move is seen as one.
    const moved = path.join(root, 'moved.png');
    await fs.rename(files[0], moved);
    await waitFor(() => store.getFile(moved)?.hash && !store.getFile(files[0]), 15_000, 'a move after the return');
  }, 30_000);

  it.skipIf(noMount !== null)(
    'keeps everything when the tmpfs at a watched folder is unmounted, and takes it back when mounted again',
    async () => {
      const source = await dirs.make('source-');
      const files = await writeImages(source, 6);
      const root = await dirs.make('mount-point-');
      await mountCopy(source, root);
      engine = await Engine.open({ dataDir: await dirs.make('data-'), watch: true });
      const { library, store } = engine;
      await library.addFolder(root);
      await library.idle();
      await library.startWatching().whenReady();
      const ops = journal(store);

      unmount(root);
      const offline = (await waitFor(() => library.folders().find((f) => f.state === 'missing'), 10_000, 'offline'))!;
      expect(offline.error).toMatch(/the folder is empty \(a drive or share not mounted\?\)/);
      expect(offline.since).toEqual(expect.any(Number));
      await sleep(PAST_RENAME_WINDOW_MS);
      expect(hashed(store, root)).toHaveLength(files.length);
      expect(store.search({}).total).toBe(files.length);

      await mountCopy(source, root);
      await waitFor(() => library.folders()[0].state === 'ok', 10_000, 'back by itself');
      await sleep(SCAN_SETTLE_MS);
      await library.idle();
      expect(fileWork(ops, root)).toEqual([]);
      expect(hashed(store, root)).toHaveLength(files.length);
      expect(store.listErrors()).toEqual([]);
    },
    30_000,
  );

  it.skipIf(noMount !== null)(
    'removes nothing when a rescan finds an empty mount point, and takes the folder back when mounted again',
    async () => {
      const source = await dirs.make('source-');
      const files = await writeImages(source, 4);
      const root = await dirs.make('mount-point-');
      mount(['--bind', source], root);
      engine = await Engine.open({ dataDir: await dirs.make('data-') });
      const { library, store } = engine;
      await library.addFolder(root);
      await library.idle();
      const ops = journal(store);

      // Nothing watches: a bind mount that goes says nothing to a watcher anyway.
      unmount(root);
      expect(await library.rescan(root)).toEqual({ queued: 0, outside: 0 });
      expect(library.folders()[0]).toMatchObject({ state: 'missing', since: expect.any(Number) });
      expect(library.folders()[0].error).toMatch(/empty/);
      expect(hashed(store, root)).toHaveLength(files.length);

      mount(['--bind', source], root);
      await waitFor(() => library.folders()[0].state === 'ok', 10_000, 'back by itself');
      await sleep(SCAN_SETTLE_MS);
      await library.idle();
      expect(fileWork(ops, root)).toEqual([]);
      expect(hashed(store, root)).toHaveLength(files.length);
      expect(store.listErrors()).toEqual([]);
    },
    30_000,
  );

  it('removes a file that a reachable folder really lost, watched or rescanned', async () => {
    const root = await dirs.make('lib-');
    const [first, second, third] = await writeImages(root, 3);
    engine = await Engine.open({ dataDir: await dirs.make('data-'), watch: true });
    const { library, store } = engine;
    await library.addFolder(root);
    await library.idle();
    await library.startWatching().whenReady();

    await fs.rm(first);
    await waitFor(() => !store.getFile(first), 10_000, 'the deleted file removed');
    library.stopWatching(root);
    await fs.rm(second);
    await library.rescan(root);
    expect(store.getFile(second)).toBeUndefined();
    expect(hashed(store, root)).toEqual([third]);
    expect(store.search({}).total).toBe(1);
    expect(library.folders()[0]).toMatchObject({ state: 'ok' });
  }, 20_000);
});

import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { makeDots, makeSolid, makeStripes } from '../../support/images';
import { tempDirs, waitFor } from '../../support/temp-dirs';

const dirs = tempDirs();
let library: Engine | null = null;
afterEach(async () => {
  await library?.close();
  library = null;
  await dirs.cleanup();
});

async function watchedLibrary(): Promise<{ root: string; lib: Engine }> {
  const root = await dirs.make('lib-');
  await fs.writeFile(path.join(root, 'first.png'), await makeSolid({ width: 64, height: 64, colour: '#1b2a4a' }));
  library = await Engine.open({ dataDir: await dirs.make('data-'), watch: true });
  await library.library.addFolder(root);
  await library.library.idle();
  await library.library.startWatching().whenReady();
  return { root, lib: library };
}

/** A distinct tiny PNG per index, so each is its own asset. */
function tinyPng(index: number): Promise<Buffer> {
  const pixels = Buffer.alloc(8 * 8 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (index * 37 + i * (1 + (index % 7))) & 0xff;
  return sharp(pixels, { raw: { width: 8, height: 8, channels: 3 } })
    .png()
    .toBuffer();
}

describe('Library watching', () => {
  it('reflects added, changed and deleted files without a rescan', async () => {
    const { root, lib } = await watchedLibrary();
    const added = path.join(root, 'added.png');
    await fs.writeFile(
      added,
      await makeStripes({
        width: 128,
        height: 128,
        period: 16,
        orientation: 'vertical',
        colours: ['#d21f1f', '#ffffff'],
      }),
    );
    await waitFor(() => lib.store.getFile(added)?.hash, 15_000, 'added file ingested');
    const firstHash = lib.store.getFile(added)!.hash;

    await fs.writeFile(
      added,
      await makeDots({ width: 128, height: 128, spacing: 16, radius: 4, colours: ['#ffffff', '#1f5fd2'] }),
    );
    await waitFor(() => lib.store.getFile(added)?.hash !== firstHash, 15_000, 'changed file re-ingested');
    expect(lib.store.getAsset(firstHash!)).toBeUndefined();

    await fs.rm(added);
    await waitFor(() => lib.store.getFile(added) === undefined, 15_000, 'deleted file removed');
    expect(lib.store.search({}).total).toBe(1);
  });

  it('treats a rename as a move: the asset keeps its tags', async () => {
    const { root, lib } = await watchedLibrary();
    const from = path.join(root, 'first.png');
    const hash = lib.store.getFile(from)!.hash!;
    lib.store.setTags([hash], ['favourite'], []);
    const to = path.join(root, 'renamed.png');
    await fs.rename(from, to);
    await waitFor(() => lib.store.getFile(to) && !lib.store.getFile(from), 15_000, 'rename reflected');
    expect(lib.store.getAsset(hash)!.tags).toEqual(['favourite']);
    expect(lib.store.getAsset(hash)!.locations.map((l) => l.path)).toEqual([to]);
  });

  it('ingests a burst of 2,000 files (an unzip) without losing any, ignoring temp files', async () => {
    const { root, lib } = await watchedLibrary();
    const burst = path.join(root, 'unzipped');
    await fs.mkdir(burst);
    const images = await Promise.all(Array.from({ length: 2000 }, (_, i) => tinyPng(i)));
    await Promise.all(images.map((bytes, i) => fs.writeFile(path.join(burst, `img-${i}.png`), bytes)));
    await fs.writeFile(path.join(burst, '.DS_Store'), 'x');
    await fs.writeFile(path.join(burst, 'big.psd.part'), 'x');
    await waitFor(
      () => lib.store.listFiles(burst).length === 2000 && !lib.library.progress().running,
      120_000,
      '2,000 files ingested',
    );
    await lib.library.idle();
    expect(lib.store.listErrors()).toEqual([]);
    expect(lib.store.listFiles(burst).every((f) => f.hash)).toBe(true);
  }, 180_000);

  it('rescans a folder when watching fails, finding a file the watcher never reported', async () => {
    const root = await dirs.make('lib-');
    library = await Engine.open({ dataDir: await dirs.make('data-') });
    const lib = library;
    await lib.library.addFolder(root);
    await lib.library.idle();
    // Written while nothing watched: no event will ever say it is there.
    const unseen = path.join(root, 'unseen.png');
    await fs.writeFile(unseen, await tinyPng(7));
    const watcher = lib.library.startWatching();
    await watcher.whenReady();
    // What chokidar emits when inotify overflows or a watch cannot be added (reached through its private field).
    (watcher as unknown as { watcher: { emit(event: 'error', error: Error): void } }).watcher.emit(
      'error',
      new Error('inotify event queue overflowed'),
    );
    await waitFor(() => lib.store.getFile(unseen)?.hash, 15_000, 'the unseen file ingested by the rescan');
    // The rescan reconciled the folder: nothing is left reported as failing.
    expect(lib.store.listErrors()).toEqual([]);
  });

  it('marks a folder that disappears while watched as missing, keeps its assets and stays valid JSON', async () => {
    const { root, lib } = await watchedLibrary();
    await fs.rm(root, { recursive: true, force: true });
    await waitFor(() => lib.library.folders()[0]?.state === 'missing', 15_000, 'folder marked missing');
    expect(lib.store.listErrors().find((e) => e.path === root)?.reason).toMatch(/disappeared while watched/);
    await lib.store.flush();
    const dataFile = path.join(path.dirname(lib.library.cacheDir), 'library.json');
    expect(() => JSON.parse(readFileSync(dataFile, 'utf8'))).not.toThrow();
    expect(lib.store.search({}).total).toBe(1);
  });
});

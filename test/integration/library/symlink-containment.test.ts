import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { ApiHost } from '../../../electron/api';
import { resolveMedia } from '../../../electron/api/media-resolver';
import { makeChecks, makeDots, makeSolid, makeStripes } from '../../support/images';
import { tempDirs, waitFor } from '../../support/temp-dirs';

const dirs = tempDirs();
let library: Engine | null = null;
afterEach(async () => {
  await library?.close();
  library = null;
  await dirs.cleanup();
});

/** A library folder with links that stay inside it and links that leave it, beside an outside folder. */
async function libraryWithLinks(): Promise<{ lib: string; outside: string }> {
  const base = await fs.realpath(await dirs.make('links-'));
  const lib = path.join(base, 'library');
  const outside = path.join(base, 'private');
  await fs.mkdir(path.join(lib, 'sub'), { recursive: true });
  await fs.mkdir(outside);
  await fs.writeFile(
    path.join(lib, 'stripes.png'),
    await makeStripes({ width: 96, height: 96, period: 16, orientation: 'vertical', colours: ['#1b2a4a', '#ffffff'] }),
  );
  await fs.writeFile(
    path.join(lib, 'sub', 'dots.png'),
    await makeDots({ width: 96, height: 96, spacing: 24, radius: 5, colours: ['#000000', '#f7e11e'] }),
  );
  await fs.writeFile(
    path.join(outside, 'secret.png'),
    await makeChecks({ width: 96, height: 96, period: 32, colours: ['#008080', '#e1ad01'] }),
  );
  await fs.symlink(path.join(outside, 'secret.png'), path.join(lib, 'escape.png'));
  await fs.symlink(outside, path.join(lib, 'escape-folder'));
  await fs.symlink(path.join(lib, 'stripes.png'), path.join(lib, 'stripes-link.png'));
  return { lib, outside };
}

describe('links out of the library', () => {
  it('are counted as outside the library, not ingested, not errors; links that stay inside are ingested', async () => {
    const { lib, outside } = await libraryWithLinks();
    library = await Engine.open({ dataDir: await dirs.make('data-') });
    expect(await library.library.addFolder(lib)).toEqual({ queued: 3, outside: 2 });
    await library.library.idle();
    const files = library.store
      .listFiles(lib)
      .map((f) => path.relative(lib, f.path))
      .sort();
    expect(files).toEqual(['stripes-link.png', 'stripes.png', 'sub/dots.png']);
    expect(library.store.listErrors()).toEqual([]);
    expect(library.store.search({}).total).toBe(2);
    expect(library.store.listFiles(outside)).toEqual([]);
  });

  it('are not ingested when they appear while watched, and a file replaced by one is dropped', async () => {
    const { lib, outside } = await libraryWithLinks();
    const host = new ApiHost(await Engine.open({ dataDir: await dirs.make('data-'), watch: true }));
    library = host.engine;
    await library.library.addFolder(lib);
    await library.library.idle();
    await library.library.startWatching().whenReady();
    const kept = path.join(lib, 'sub', 'dots.png');
    const hash = library.store.getFile(kept)!.hash!;

    await fs.symlink(path.join(outside, 'secret.png'), path.join(lib, 'new-escape.png'));
    await fs.rm(kept);
    await fs.symlink(path.join(outside, 'secret.png'), kept);
    const marker = path.join(lib, 'marker.png');
    await fs.writeFile(marker, await makeSolid({ width: 40, height: 40, colour: '#800020' }));
    await waitFor(() => library!.store.getFile(marker)?.hash && !library!.store.getFile(kept), 15_000, 'changes seen');
    await library.library.idle();
    expect(library.store.getFile(path.join(lib, 'new-escape.png'))).toBeUndefined();
    expect(library.store.listErrors()).toEqual([]);
    // What is in the library is exactly what the media server would serve.
    for (const file of library.store.listFiles(lib)) {
      const media = await resolveMedia(host.media, { kind: 'original', hash: file.hash! });
      expect(media, file.path).not.toBeNull();
    }
    expect(await resolveMedia(host.media, { kind: 'original', hash })).toBeNull();
  });
});

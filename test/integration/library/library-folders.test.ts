import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDirOf } from '../../../electron/config/data-dir';
import { Engine } from '../../../electron/engine';
import { LibraryFolderError } from '../../../electron/library';
import { ApiHost } from '../../../electron/api';
import { makeChecks, makeSolid, makeStripes } from '../../support/images';
import { tempDirs, waitFor } from '../../support/temp-dirs';
import type { SearchResult } from '../../../shared/model';

const dirs = tempDirs();
let library: Engine | null = null;
afterEach(async () => {
  await library?.close();
  library = null;
  await dirs.cleanup();
});

/**
 * A home folder as the user sees it, with the data folder inside it under a name that is not
 * hidden (macOS keeps it in ~/Library/Application Support, Windows in AppData\Roaming).
 */
async function homeWithDataFolder(): Promise<{ home: string; dataDir: string }> {
  const home = await fs.realpath(await dirs.make('home-'));
  const dataDir = path.join(home, 'Library', 'Application Support', 'Swatchbook');
  await fs.mkdir(path.join(home, 'Designs'), { recursive: true });
  await fs.writeFile(
    path.join(home, 'Designs', 'stripes.png'),
    await makeStripes({ width: 96, height: 96, period: 16, orientation: 'vertical', colours: ['#1b2a4a', '#ffffff'] }),
  );
  await fs.writeFile(
    path.join(home, 'Designs', 'checks.png'),
    await makeChecks({ width: 96, height: 96, period: 24, colours: ['#d21f1f', '#ffffff'] }),
  );
  return { home, dataDir };
}

describe('which folders may be library folders', () => {
  it('refuses the root, relative paths, system folders and the data folder, with the reason', async () => {
    const { home, dataDir } = await homeWithDataFolder();
    library = await Engine.open({ dataDir });
    const link = path.join(home, 'link-to-data');
    await fs.symlink(dataDir, link);
    const refused: Array<[string, RegExp]> = [
      ['/', /top of a whole drive/],
      ['Designs', /give the full path of the folder/],
      ['./Designs', /give the full path of the folder/],
      ['/proc', /system folder/],
      ['/sys', /system folder/],
      ['/dev', /system folder/],
      ['/etc', /system folder/],
      [dataDir, /Swatchbook's own data folder/],
      [cacheDirOf(dataDir), /Swatchbook's own data folder/],
      [link, /leads to .*Swatchbook's own data folder/],
    ];
    for (const [folder, reason] of refused) {
      const error = await library.library.addFolder(folder).catch((e: unknown) => e);
      expect(error, folder).toBeInstanceOf(LibraryFolderError);
      expect((error as Error).message, folder).toMatch(reason);
    }
    expect(library.library.folders()).toEqual([]);
    expect(library.store.search({}).total).toBe(0);
    // Nor is a relative path resolved against this process's folder to rescan or remove one.
    await library.library.addFolder(path.join(home, 'Designs'));
    const cwd = process.cwd();
    process.chdir(home);
    try {
      await expect(library.library.rescan('Designs')).rejects.toThrow(
        'give the full path of the folder, not "Designs"',
      );
      await expect(library.library.removeFolder('Designs')).rejects.toThrow(
        'give the full path of the folder, not "Designs"',
      );
    } finally {
      process.chdir(cwd);
    }
    expect(library.library.folders().map((f) => f.path)).toEqual([path.join(home, 'Designs')]);
  });

  it('answers a refused folder with a 400 and the reason over the API', async () => {
    const { dataDir } = await homeWithDataFolder();
    const host = new ApiHost(await Engine.open({ dataDir }));
    library = host.engine;
    expect(await host.call('addFolder', { path: dataDir })).toEqual({
      ok: false,
      status: 400,
      error: expect.stringMatching(/own data folder/),
    });
    expect(await host.call('addFolder', { path: 'Designs' })).toEqual({
      ok: false,
      status: 400,
      error: 'give the full path of the folder, not "Designs"',
    });
  });

  it('skips the data folder inside a home folder: rescans never ingest the thumbnail cache', async () => {
    const { home, dataDir } = await homeWithDataFolder();
    library = await Engine.open({ dataDir });
    expect(await library.library.addFolder(home)).toEqual({ queued: 2, outside: 0 });
    await library.library.idle();
    for (let rescan = 0; rescan < 3; rescan++) {
      expect(await library.library.rescan(home)).toEqual({ queued: 0, outside: 0 });
      await library.library.idle();
    }
    expect(library.store.search({}).total).toBe(2);
    expect(library.store.listFiles(dataDir)).toEqual([]);
  });

  it('still ingests the demo library, the one library folder inside the data folder', async () => {
    const { home, dataDir } = await homeWithDataFolder();
    const host = new ApiHost(await Engine.open({ dataDir, concurrency: 2 }));
    library = host.engine;
    await library.library.addFolder(home);
    const demo = await host.call('openDemoLibrary', {});
    expect(demo).toMatchObject({ ok: true, value: { queued: expect.any(Number), outside: 0 } });
    await library.library.idle();
    expect(library.store.listFiles(path.join(dataDir, 'demo-library')).length).toBeGreaterThan(20);
    expect(library.store.listFiles(cacheDirOf(dataDir))).toEqual([]);
  });

  it('does not watch the data folder inside a home folder', async () => {
    const { home, dataDir } = await homeWithDataFolder();
    library = await Engine.open({ dataDir, watch: true });
    await library.library.addFolder(home);
    await library.library.idle();
    await library.library.startWatching().whenReady();
    const inCache = path.join(cacheDirOf(dataDir), 'thumbs', 'ab', 'new.png');
    await fs.mkdir(path.dirname(inCache), { recursive: true });
    await fs.writeFile(inCache, await makeSolid({ width: 40, height: 40, colour: '#e1ad01' }));
    const inDesigns = path.join(home, 'Designs', 'new.png');
    await fs.writeFile(inDesigns, await makeSolid({ width: 40, height: 40, colour: '#008080' }));
    await waitFor(() => library!.store.getFile(inDesigns)?.hash, 15_000, 'new design ingested');
    await library.library.idle();
    expect(library.store.getFile(inCache)).toBeUndefined();
    expect(library.store.listFiles(dataDir)).toEqual([]);
  });

  it('does not scan a folder added before these rules and refused by them; says why', async () => {
    const { dataDir } = await homeWithDataFolder();
    const first = await Engine.open({ dataDir });
    first.store.addFolder(dataDir);
    await first.close();
    library = await Engine.open({ dataDir, watch: true });
    await waitFor(() => library!.store.listErrors().find((e) => e.path === dataDir), 15_000, 'refusal recorded');
    expect(library.store.listErrors().find((e) => e.path === dataDir)?.reason).toMatch(/own data folder/);
    await expect(library.library.rescan(dataDir)).rejects.toThrow(/own data folder/);
    await library.library.idle();
    expect(library.store.search({}).total).toBe(0);
  });
});

describe('sub-folders of a library folder', () => {
  it('are folder facet values over the API, each counting the images in it and below it, and filter the search', async () => {
    const root = await fs.realpath(await dirs.make('designs-'));
    const dataDir = await dirs.make('data-');
    const files = ['top.png', 'florals/rose.png', 'florals/2024/peony.png', 'florals/2024/iris.png', 'geo/dots.png'];
    for (const [i, file] of files.entries()) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      const colours: [string, string] = [`#${(i * 40).toString(16).padStart(2, '0')}2a4a`, '#ffffff'];
      await fs.writeFile(
        path.join(root, file),
        await makeChecks({ width: 64, height: 64, period: 8 + i * 4, colours }),
      );
    }
    const host = new ApiHost(await Engine.open({ dataDir }));
    library = host.engine;
    await library.library.addFolder(root);
    await library.library.idle();

    const all = await host.call('search', {});
    const folders = all.ok ? (all.value as SearchResult).facets.folder : [];
    expect(Object.fromEntries(folders.map((f) => [f.value, f.count]))).toEqual({
      [root]: 5,
      [path.join(root, 'florals')]: 3,
      [path.join(root, 'florals', '2024')]: 2,
      [path.join(root, 'geo')]: 1,
    });
    const florals = await host.call('search', { folders: [path.join(root, 'florals')] });
    expect(florals.ok && (florals.value as SearchResult).items.map((i) => i.name).sort()).toEqual([
      'iris.png',
      'peony.png',
      'rose.png',
    ]);
  });
});

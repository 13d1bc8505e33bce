import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { thumbnailPath, previewPath } from '../../../electron/imaging';
import { makeChecks, makeSolid, makeStripes } from '../../support/images';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

async function makeLibraryFolder(): Promise<string> {
  const root = await dirs.make('lib-');
  await fs.mkdir(path.join(root, 'sub', 'deeper'), { recursive: true });
  const stripes = await makeStripes({
    width: 320,
    height: 240,
    period: 16,
    orientation: 'horizontal',
    colours: ['#1b2a4a', '#ffffff'],
  });
  await fs.writeFile(path.join(root, 'navy-stripes.png'), stripes);
  await fs.writeFile(path.join(root, 'sub', 'copy-of-stripes.png'), stripes);
  await fs.writeFile(
    path.join(root, 'sub', 'checks.jpg'),
    await makeChecks({ width: 300, height: 300, period: 40, colours: ['#2e9e3e', '#ffffff'], format: 'jpeg' }),
  );
  await fs.writeFile(
    path.join(root, 'sub', 'deeper', 'mustard.webp'),
    await makeSolid({ width: 200, height: 260, colour: '#e1ad01', format: 'webp' }),
  );
  await fs.writeFile(path.join(root, '.DS_Store'), 'junk');
  await fs.writeFile(path.join(root, '~$locked.png'), 'lock file');
  await fs.writeFile(path.join(root, 'download.png.crdownload'), 'partial');
  await fs.writeFile(path.join(root, 'notes.txt'), 'not an image, not an error');
  return root;
}

describe('Library ingest', () => {
  it('scans recursively, dedupes identical bytes into one asset and writes cached thumbnails', async () => {
    const root = await makeLibraryFolder();
    const library = await Engine.open({ dataDir: await dirs.make('data-') });
    const { queued } = await library.library.addFolder(root);
    expect(queued).toBe(4);
    await library.library.idle();

    const files = library.store.listFiles(root);
    expect(files.map((f) => path.relative(root, f.path)).sort()).toEqual([
      'navy-stripes.png',
      'sub/checks.jpg',
      'sub/copy-of-stripes.png',
      'sub/deeper/mustard.webp',
    ]);
    expect(library.store.listErrors()).toEqual([]);
    const stripes = library.store.getAsset(library.store.getFile(path.join(root, 'navy-stripes.png'))!.hash!)!;
    expect(stripes.locations.map((l) => path.basename(l.path)).sort()).toEqual([
      'copy-of-stripes.png',
      'navy-stripes.png',
    ]);
    expect(stripes.analysis.pattern.label).toBe('stripes');
    expect(stripes.analysis.palette.map((c) => c.name)).toContain('navy');
    expect(stripes.metadata).toMatchObject({ width: 320, height: 240, format: 'png' });
    await expect(fs.stat(thumbnailPath(library.library.cacheDir, stripes.hash))).resolves.toBeTruthy();
    // The preview too: large grid cells show it, so it is written from the same decode.
    await expect(fs.stat(previewPath(library.library.cacheDir, stripes.hash))).resolves.toBeTruthy();
    expect(library.store.search({}).total).toBe(3);
    await library.close();
  });

  it('re-scanning an unchanged folder queues nothing and keeps every record', async () => {
    const root = await makeLibraryFolder();
    const dataDir = await dirs.make('data-');
    const first = await Engine.open({ dataDir });
    await first.library.addFolder(root);
    await first.library.idle();
    await first.close();

    const second = await Engine.open({ dataDir });
    expect((await second.library.scan(root)).queued).toBe(0);
    expect(second.store.listFiles(root)).toHaveLength(4);
    await second.close();
  });

  it('reflects files removed while the app was closed on the next scan', async () => {
    const root = await makeLibraryFolder();
    const dataDir = await dirs.make('data-');
    const first = await Engine.open({ dataDir });
    await first.library.addFolder(root);
    await first.library.idle();
    await first.close();
    await fs.rm(path.join(root, 'sub', 'checks.jpg'));

    const second = await Engine.open({ dataDir });
    await second.library.scan(root);
    await second.library.idle();
    expect(second.store.getFile(path.join(root, 'sub', 'checks.jpg'))).toBeUndefined();
    expect(second.store.search({}).total).toBe(2);
    await second.close();
  });

  it('refuses a missing folder with a clear error', async () => {
    const library = await Engine.open({ dataDir: await dirs.make('data-') });
    await expect(library.library.addFolder('/no/such/folder')).rejects.toThrow('folder not found: /no/such/folder');
    await library.close();
  });
});

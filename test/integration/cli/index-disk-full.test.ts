import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibraryStore } from '../../../electron/store';
import { runIndexCli } from '../../support/cli';
import { makeChecks } from '../../support/images';
import { makeSmallDisk, smallDiskRefusal, type SmallDisk } from '../../support/small-disk';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
const disks: SmallDisk[] = [];
afterEach(async () => {
  for (const disk of disks.splice(0)) disk.unmount();
  await dirs.cleanup();
});

const FILES = 16;

async function folderOfImages(): Promise<string> {
  const root = await dirs.make('lib-');
  for (let i = 0; i < FILES; i++) {
    const colours: [string, string] = [`#${(0x402010 + i * 0x0b0a09).toString(16).slice(-6)}`, '#fafafa'];
    const png = await makeChecks({ width: 900, height: 700, period: 11 + i, colours });
    await fs.writeFile(path.join(root, `checks-${i}.png`), png);
  }
  return root;
}

describe.skipIf(smallDiskRefusal !== null)('npm run index on a disk that fills up', () => {
  it('stops with one line and its own exit code, loses nothing, and the next run finishes the job', async () => {
    const disk = makeSmallDisk(8 * 1024);
    disks.push(disk);
    const folder = await folderOfImages();
    const dataDir = path.join(disk.dir, 'data');
    await fs.mkdir(dataDir);
    disk.fill(400);

    const full = await runIndexCli([folder, '--data-dir', dataDir, '--concurrency', '1']);
    expect(full.code).toBe(5);
    const said = full.stderr.split('\n').filter((line) => line.startsWith('swatchbook'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^swatchbook: stopped: The disk holding your library is full: [\d.]+ MB needed/);
    expect(said[0]).toMatch(/\d+ file\(s\) wait; run this again/);
    expect(full.stderr).not.toMatch(/\n\s+at /);

    disk.free();
    const again = await runIndexCli([folder, '--data-dir', dataDir, '--concurrency', '1']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Indexed ${FILES} files: ${FILES} ingested, 0 failed.`);
    const store = await openLibraryStore(dataDir);
    expect(store.stats().assets).toBe(FILES);
    expect(store.listErrors()).toEqual([]);
    await store.close();
  });
});

import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { thumbnailPath } from '../../../electron/imaging';
import { cacheDirOf } from '../../../electron/config/data-dir';
import { openLibraryStore } from '../../../electron/store';
import { makeChecks, makeStripes } from '../../support/images';
import { runIndexCli } from '../../support/cli';
import { tempDirs, waitFor } from '../../support/temp-dirs';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

const COUNT = 40;

async function buildFolder(): Promise<string> {
  const root = await dirs.make('resume-');
  for (let i = 0; i < COUNT; i++) {
    const bytes =
      i % 2
        ? await makeStripes({
            width: 900,
            height: 700,
            period: 10 + i,
            orientation: 'vertical',
            colours: ['#1b2a4a', '#ffffff'],
            format: 'jpeg',
          })
        : await makeChecks({ width: 800, height: 800, period: 12 + i, colours: ['#d21f1f', '#f7e11e'] });
    await fs.writeFile(path.join(root, `design-${String(i).padStart(2, '0')}.${i % 2 ? 'jpg' : 'png'}`), bytes);
  }
  return root;
}

async function countFiles(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

interface Entry {
  path: string;
  hash: string | null;
  error: string | null;
}

describe('npm run index, killed mid-ingest and run again', () => {
  it('resumes with no file lost and none processed twice', async () => {
    const root = await buildFolder();
    const dataDir = await dirs.make('data-');
    const env = { SWATCHBOOK_DATA_DIR: dataDir };
    const thumbs = path.join(cacheDirOf(dataDir), 'thumbs');

    // Kill -9 once a handful of files are recorded, mid-run.
    let killedAt = 0;
    const first = runIndexCli([root, '--concurrency', '1'], {
      env,
      onSpawn: (child) => {
        void waitFor(async () => (await countFiles(thumbs)) >= 12, 60_000, 'some files processed').then(() => {
          killedAt = Date.now();
          child.kill('SIGKILL');
        });
      },
    });
    expect((await first).signal).toBe('SIGKILL');
    const store = await openLibraryStore(dataDir);
    const recordedBeforeKill = store.listFiles(root).filter((f) => f.hash).length;
    await store.close();
    expect(recordedBeforeKill).toBeGreaterThanOrEqual(10);
    expect(recordedBeforeKill).toBeLessThan(COUNT);

    const jsonOut = path.join(dataDir, 'out.json');
    const second = await runIndexCli([root, '--json', jsonOut], { env });
    expect(second.code).toBe(0);
    const entries: Entry[] = JSON.parse(await fs.readFile(jsonOut, 'utf8'));
    expect(entries).toHaveLength(COUNT);
    expect(entries.every((e) => e.error === null && e.hash)).toBe(true);

    // Files finished before the kill were not processed again: their thumbnails predate the kill.
    const thumbTimes = await Promise.all(
      entries.map(async (e) => (await fs.stat(thumbnailPath(cacheDirOf(dataDir), e.hash!))).mtimeMs),
    );
    const processedAfterKill = thumbTimes.filter((t) => t >= killedAt).length;
    expect(processedAfterKill).toBeGreaterThan(0);
    expect(processedAfterKill).toBeLessThanOrEqual(COUNT - recordedBeforeKill);
    expect(second.stdout).toMatch(new RegExp(`Indexed ${COUNT} files: ${COUNT} ingested, 0 failed`));
  }, 180_000);
});

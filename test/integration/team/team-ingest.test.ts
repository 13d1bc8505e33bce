import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { runIndexCli } from '../../support/cli';
import { makeChecks, makeStripes } from '../../support/images';
import { startPostgres, type TestPostgres } from '../../support/postgres';
import { tempDirs, waitFor } from '../../support/temp-dirs';

let server: TestPostgres;
const dirs = tempDirs();
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  server?.stop();
  await dirs.cleanup();
});

async function sharedFolder(count: number): Promise<string> {
  const root = await dirs.make('team-share-');
  for (let i = 0; i < count; i++) {
    const bytes =
      i % 2
        ? await makeStripes({
            width: 700,
            height: 500,
            period: 10 + i,
            orientation: 'vertical',
            colours: ['#1b2a4a', '#ffffff'],
            format: 'jpeg',
          })
        : await makeChecks({ width: 600, height: 600, period: 12 + i, colours: ['#d21f1f', '#f7e11e'] });
    await fs.writeFile(path.join(root, `design-${String(i).padStart(2, '0')}.${i % 2 ? 'jpg' : 'png'}`), bytes);
  }
  return root;
}

/** How many times the team was told of each file's bytes (a new asset or a new location of one). */
async function recordsPerPath(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ path: string; n: number }>(
      `SELECT coalesce(change->'location'->>'path', '') AS path, count(*)::int AS n FROM team_changes
       WHERE change->>'type' IN ('recordAsset', 'addLocation') GROUP BY 1`,
    );
    return new Map(rows.map((row) => [row.path, row.n]));
  } catch {
    // Before the first member has set the database up: nothing recorded yet.
    return new Map();
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('ingest of a shared folder, once for the team', () => {
  it('two members watching one folder read each file once between them, and both end with every image', async () => {
    const url = await server.createDatabase();
    const root = await sharedFolder(12);
    const open = async (author: string) =>
      Engine.open({
        dataDir: await dirs.make(`team-${author}-`),
        teamDb: { url, source: 'flag' },
        teamAuthor: author,
        watch: true,
      });
    const ann = await open('ann');
    const ben = await open('ben');
    try {
      await ann.library.addFolder(root);
      // Ben's machine hears of the folder, scans it, and finds most files claimed by Ann's.
      await waitFor(() => ben.store.listFolders().length === 1, 10_000, "the folder on Ben's copy");
      await waitFor(
        () => ann.store.stats().assets === 12 && ben.store.stats().assets === 12,
        30_000,
        'every image on both copies',
      );
      await Promise.all([ann.library.idle(), ben.library.idle()]);
      const records = await recordsPerPath(url);
      expect([...records.values()].reduce((a, b) => a + b, 0)).toBe(12);
      expect(records.size).toBe(12);
    } finally {
      await Promise.all([ann.close(), ben.close()]);
    }
  });

  it('a member killed mid-ingest and started again finishes the folder, each file recorded once, while another member runs', async () => {
    const url = await server.createDatabase();
    const root = await sharedFolder(24);
    const annDir = await dirs.make('team-ann-');
    const benDir = await dirs.make('team-ben-');
    const index = (dataDir: string, extra: Parameters<typeof runIndexCli>[1] = {}) =>
      runIndexCli([root, '--team-db', url, '--concurrency', '1'], { env: { SWATCHBOOK_DATA_DIR: dataDir }, ...extra });

    const killed = await index(annDir, {
      onSpawn: (child) => {
        void waitFor(async () => (await recordsPerPath(url)).size >= 6, 60_000, 'some files recorded').then(() =>
          child.kill('SIGKILL'),
        );
      },
    });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const before = (await recordsPerPath(url)).size;
    expect(before).toBeLessThan(24);

    const [again, ben] = await Promise.all([index(annDir), index(benDir)]);
    expect(again.code, again.stderr).toBe(0);
    expect(ben.code, ben.stderr).toBe(0);
    expect(again.stderr).toContain(`team library at ${url}`);

    const records = await recordsPerPath(url);
    expect(records.size).toBe(24);
    expect([...records.values()].every((n) => n === 1)).toBe(true);
    // A third member opening the team library has every image without reading one.
    const cat = await Engine.open({ dataDir: await dirs.make('team-cat-'), teamDb: { url, source: 'flag' } });
    try {
      await waitFor(() => cat.store.stats().assets === 24, 15_000, 'every image on a new copy');
      expect(cat.store.listJobs()).toEqual([]);
    } finally {
      await cat.close();
    }
  });
});

import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { openLibraryStore } from '../../../electron/store';
import { runTsx } from '../../support/cli';
import { startPostgres, type TestPostgres } from '../../support/postgres';
import { threePrintsFolder } from '../../support/team-prints';
import { tempDirs, waitFor } from '../../support/temp-dirs';
import { answer, HAIKU } from '../review/review-fixture';

let server: TestPostgres;
const dirs = tempDirs();
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  server?.stop();
  await dirs.cleanup();
});

function teamCli(args: string[]) {
  return runTsx('electron/cli/team-command.ts', args, { timeoutMs: 60_000 });
}

/** A library of one's own with three images, an answer, a decision, a tag, a collection and a saved search. */
async function localLibrary(): Promise<{ dataDir: string; root: string; hash: string }> {
  const dataDir = await dirs.make('local-library-');
  const root = await threePrintsFolder(dirs.make);
  const engine = await Engine.open({ dataDir });
  try {
    await engine.library.addFolder(root);
    await engine.library.idle();
    const hash = engine.store.listFiles(root).find((f) => f.path.endsWith('stripes.png'))!.hash!;
    engine.store.analysis.recordModelAnalysis(answer(hash, HAIKU));
    engine.review.decide(hash, 'Cleo', [{ field: 'style', action: 'accept' }]);
    engine.store.setTags([hash], ['spring'], []);
    const collection = engine.store.createCollection('Spring picks');
    engine.store.addToCollection(collection.id, [hash]);
    engine.store.saveSearch('Stripes', { text: 'stripes' });
    return { dataDir, root, hash };
  } finally {
    await engine.close();
  }
}

describe('copying a library into a team library and back', () => {
  it('puts a local library into the team library, once however often it is run, and members see all of it', async () => {
    const url = await server.createDatabase();
    const { dataDir, root, hash } = await localLibrary();

    const first = await teamCli(['copy-to-team', '--team-db', url, '--data-dir', dataDir, '--author', 'cleo']);
    expect(first.stderr).toMatch(/Copying to the team library/);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /3 images, 1 review decisions, (\d+) changes in all, of which the team library took \1 \(0/,
    );

    const again = await teamCli(['copy-to-team', '--team-db', url, '--data-dir', dataDir]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/took 0 \((\d+) it had already\)/);

    const member = await Engine.open({ dataDir: await dirs.make('member-'), teamDb: { url, source: 'flag' } });
    try {
      await waitFor(() => member.store.stats().assets === 3, 10_000, 'the copied images on a member copy');
      expect(member.store.listFolders().map((f) => f.path)).toEqual([root]);
      expect(member.store.listJobs()).toEqual([]);
      expect(member.store.getAsset(hash)!.tags).toEqual(['spring']);
      expect(member.store.analysis.listModelAnalyses(hash)).toHaveLength(1);
      expect(member.store.reviews.reviewHistory(hash).map((d) => [d.reviewer, d.field])).toEqual([['Cleo', 'style']]);
      expect(member.store.listCollections().map((c) => [c.name, c.hashes])).toEqual([['Spring picks', [hash]]]);
      expect(member.store.listSavedSearches().map((s) => s.name)).toEqual(['Stripes']);
    } finally {
      await member.close();
    }
  });

  it('makes a library of its own from a team library, and will not write into a folder that holds something', async () => {
    const url = await server.createDatabase();
    const { dataDir, hash } = await localLibrary();
    expect((await teamCli(['copy-to-team', '--team-db', url, '--data-dir', dataDir])).code).toBe(0);

    const to = path.join(await dirs.make('offline-'), 'prints-offline');
    const copied = await teamCli(['copy-from-team', '--team-db', url, '--to', to]);
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toMatch(/3 images, 1 review decisions/);
    const store = await openLibraryStore(to);
    try {
      expect(store.stats().assets).toBe(3);
      expect(store.getAsset(hash)!.tags).toEqual(['spring']);
      expect(store.reviews.reviewHistory(hash)).toHaveLength(1);
      expect(store.listCollections()).toHaveLength(1);
    } finally {
      await store.close();
    }

    const occupied = await dirs.make('occupied-');
    await fs.writeFile(path.join(occupied, 'notes.txt'), 'mine');
    const refused = await teamCli(['copy-from-team', '--team-db', url, '--to', occupied]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not empty/);
  });

  it('says which server it could not reach, and changes nothing', async () => {
    const { dataDir } = await localLibrary();
    const run = await teamCli(['copy-to-team', '--team-db', 'postgres://127.0.0.1:1/none', '--data-dir', dataDir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/127\.0\.0\.1:1/);
  });
});

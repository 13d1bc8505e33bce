import fs from 'node:fs/promises';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { teamTestBed } from '../../support/team-bed';
import { threePrintsFolder } from '../../support/team-prints';
import { waitFor } from '../../support/temp-dirs';
import { answer, HAIKU } from '../review/review-fixture';

const team = teamTestBed();
const { dirs } = team;

function sharedFolder(): Promise<string> {
  return threePrintsFolder(dirs.make);
}

const member = (url: string, author: string, dataDir?: string) => team.member(url, author, { dataDir });
const { closeMember } = team;
async function changesOfType(url: string, type: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query("SELECT count(*)::int AS n FROM team_changes WHERE change->>'type' = $1", [type]);
  await client.end();
  return rows[0].n;
}

describe('a team library shared by two members on one PostgreSQL', () => {
  it("shows one member what another ingested, without ingesting it, and each one's answers, decisions and tags to the other", async () => {
    const url = await team.server.createDatabase();
    const root = await sharedFolder();
    const ann = await member(url, 'ann');
    const ben = await member(url, 'ben');
    await ann.library.addFolder(root);
    await ann.library.idle();
    expect(ann.store.stats().assets).toBe(3);

    await waitFor(() => ben.store.stats().assets === 3, 10_000, "Ann's three images on Ben's copy");
    expect(ben.store.listFolders().map((f) => f.path)).toEqual([root]);
    // Ben's machine decoded nothing: no ingest jobs, no thumbnails of its own yet (they are made when shown).
    expect(ben.store.listJobs()).toEqual([]);
    expect(await fs.readdir(ben.library.cacheDir).catch(() => [])).toEqual([]);

    const hash = ann.store.listFiles(root).find((f) => f.path.endsWith('stripes.png'))!.hash!;
    ann.store.analysis.recordModelAnalysis(answer(hash, HAIKU));
    await waitFor(
      () => ben.store.analysis.listModelAnalyses(hash).length === 1,
      10_000,
      "Ann's model answer on Ben's copy",
    );

    ben.review.decide(hash, 'Ben', [{ field: 'style', action: 'accept' }]);
    ben.store.setTags([hash], ['spring'], []);
    await waitFor(() => ann.store.getAsset(hash)?.tags.includes('spring'), 10_000, "Ben's tag on Ann's copy");
    const annHistory = ann.store.reviews.reviewHistory(hash);
    expect(annHistory.map((d) => [d.reviewer, d.field, d.action])).toEqual([['Ben', 'style', 'accept']]);
    // Nobody's own change came back to them a second time.
    expect(ben.store.reviews.reviewHistory(hash)).toHaveLength(1);
    expect(ann.store.analysis.listModelAnalyses(hash)).toHaveLength(1);
    expect(ann.team!.status).toMatchObject({ connection: 'online', pending: 0 });
    expect(ann.team!.status.server).toBe(url);
  });

  it('keeps working while the server is away, and sends what was done meanwhile once, in order, when it is back', async () => {
    const url = await team.server.createDatabase();
    const root = await sharedFolder();
    const ann = await member(url, 'ann');
    const benDir = await dirs.make('team-ben-');
    let ben = await member(url, 'ben', benDir);
    await ann.library.addFolder(root);
    await ann.library.idle();
    await waitFor(() => ben.store.stats().assets === 3, 10_000, "Ann's images on Ben's copy");
    const hash = ann.store.listFiles(root)[0].hash!;

    team.server.kill();
    try {
      ben.store.setTags([hash], ['autumn'], []);
      ben.store.setTags([hash], ['winter'], ['autumn']);
      await waitFor(() => ben.team!.status.connection === 'offline', 10_000, 'Ben told the server is away');
      expect(ben.team!.status.pending).toBe(2);
      expect(ben.team!.status.reason).toMatch(/ECONNREFUSED|terminat|connect/i);

      // Ben quits and starts again with the server still away: his copy opens, offline, with his change.
      await closeMember(ben);
      ben = await member(url, 'ben', benDir);
      expect(ben.team!.status).toMatchObject({ connection: 'offline', pending: 2 });
      expect(ben.store.stats().assets).toBe(3);
      expect(ben.store.getAsset(hash)!.tags).toEqual(['winter']);
    } finally {
      team.server.restart();
    }
    await waitFor(() => ben.team!.status.pending === 0, 30_000, "Ben's queued changes sent");
    await waitFor(() => ann.store.getAsset(hash)?.tags.includes('winter'), 15_000, "Ben's tags on Ann's copy");
    expect(ann.store.getAsset(hash)!.tags).toEqual(['winter']);
    expect(await changesOfType(url, 'setTags')).toBe(2);
  });

  it('picks up after a restart where it left off: nothing applied twice, nothing missed', async () => {
    const url = await team.server.createDatabase();
    const root = await sharedFolder();
    const ann = await member(url, 'ann');
    const benDir = await dirs.make('team-ben-');
    let ben = await member(url, 'ben', benDir);
    await ann.library.addFolder(root);
    await ann.library.idle();
    const hash = ann.store.listFiles(root)[0].hash!;
    ann.store.analysis.recordModelAnalysis(answer(hash, HAIKU));
    await waitFor(() => ben.store.analysis.listModelAnalyses(hash).length === 1, 10_000, "the answer on Ben's copy");
    await closeMember(ben);

    // While Ben is away, Ann reviews.
    ann.review.decide(hash, 'Ann', [{ field: 'style', action: 'accept' }]);
    ben = await member(url, 'ben', benDir);
    await waitFor(() => ben.store.reviews.reviewHistory(hash).length === 1, 10_000, "Ann's decision on Ben's copy");
    expect(ben.store.analysis.listModelAnalyses(hash)).toHaveLength(1);
    expect(ben.store.teamSeq).toBe(ann.store.teamSeq);
  });

  it('stops sending and says to update when a newer Swatchbook changes the schema while it is connected, keeping its changes', async () => {
    const url = await team.server.createDatabase();
    const ann = await member(url, 'ann');
    const ben = await member(url, 'ben');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("INSERT INTO swatchbook_schema (version, name) VALUES (99, 'from a newer Swatchbook')");
    await client.end();

    ann.store.createCollection('Spring picks');
    await waitFor(() => ben.team!.status.reason?.includes('newer Swatchbook'), 10_000, 'Ben told to update');
    expect(ben.team!.status).toMatchObject({ connection: 'offline' });
    expect(ben.team!.status.reason).toMatch(/Update Swatchbook on this machine to use it\. Changes made here are kept/);
    ben.store.createCollection('Kept here');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ben.team!.status.pending).toBe(1);
    expect(await changesOfType(url, 'createCollection')).toBe(1);
    expect(ben.store.listCollections().map((c) => c.name)).toEqual(['Kept here']);
  });
});

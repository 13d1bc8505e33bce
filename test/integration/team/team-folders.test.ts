import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { makeStripes } from '../../support/images';
import { teamTestBed } from '../../support/team-bed';
import { threePrintsFolder } from '../../support/team-prints';
import { waitFor } from '../../support/temp-dirs';

const team = teamTestBed();
const { dirs } = team;

const member = (url: string, author: string, dataDir: string) => team.member(url, author, { dataDir, watch: true });
const { closeMember } = team;
async function logPaths(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    "SELECT change->'location'->>'path' AS path FROM team_changes WHERE change->>'type' = 'recordAsset' ORDER BY seq",
  );
  await client.end();
  return rows.map((row) => row.path as string);
}

const pathsUnder = (engine: Engine) => engine.store.listFiles().map((file) => file.path);

describe('a shared folder mounted at different paths on two machines', () => {
  it('is one folder: each machine has its records at its own path, and files added on either reach the other', async () => {
    const url = await team.server.createDatabase();
    // One share, seen by Ann at one path and by Ben at another (here: two copies with the same files and times).
    const annMount = await threePrintsFolder(async () => {
      const mount = path.join(await dirs.make('ann-mount-'), 'prints');
      await fs.mkdir(mount);
      return mount;
    });
    const benMount = path.join(await dirs.make('ben-mount-'), 'prints');
    await fs.cp(annMount, benMount, { recursive: true, preserveTimestamps: true });

    const ann = await member(url, 'ann', await dirs.make('team-ann-'));
    await ann.library.addFolder(annMount);
    await ann.library.idle();
    expect(await logPaths(url)).toEqual(expect.arrayContaining(['team:prints/stripes.png']));
    expect((await logPaths(url)).every((p) => p.startsWith('team:prints/'))).toBe(true);

    const benDir = await dirs.make('team-ben-');
    let ben = await member(url, 'ben', benDir);
    await waitFor(() => ben.store.stats().assets === 3, 10_000, "the team's images on Ben's copy");
    // Not told otherwise, Ben's machine looks for the folder where Ann has it.
    expect(ben.teamLibrary().folders).toEqual([
      { name: 'prints', defaultPath: annMount, localPath: null, reachable: true },
    ]);
    const hash = ann.store.listFiles(annMount).find((f) => f.path.endsWith('stripes.png'))!.hash!;
    ann.store.setTags([hash], ['spring'], []);
    await waitFor(() => ben.store.getAsset(hash)?.tags.includes('spring'), 10_000, "Ann's tag on Ben's copy");
    ben.analysis.updateSettings({ remoteConcurrency: 3 });

    expect(ben.setTeamFolderPath('prints', benMount)).toMatchObject({
      rewriteDue: true,
      folders: [{ name: 'prints', localPath: benMount, reachable: true }],
    });
    await closeMember(ben);
    ben = await member(url, 'ben', benDir);
    await waitFor(() => ben.store.stats().assets === 3, 10_000, "Ben's copy written anew");
    await ben.library.idle();
    expect(ben.teamLibrary().rewriteDue).toBe(false);
    expect(ben.store.listFolders().map((f) => f.path)).toEqual([benMount]);
    expect(pathsUnder(ben).sort()).toEqual(
      ['checks.png', 'photo.png', 'stripes.png'].map((n) => path.join(benMount, n)),
    );
    expect(ben.store.getAsset(hash)!.tags).toEqual(['spring']);
    expect(ben.analysis.settings().remoteConcurrency).toBe(3);
    // Nothing was read again for the team: still one record per file.
    expect(await logPaths(url)).toHaveLength(3);

    // A file added on Ben's side of the share reaches Ann at her path.
    const bytes = await makeStripes({
      width: 200,
      height: 200,
      period: 14,
      orientation: 'horizontal',
      colours: ['#2a7', '#fff'],
    });
    await fs.writeFile(path.join(benMount, 'new.png'), bytes);
    await waitFor(
      () => pathsUnder(ann).includes(path.join(annMount, 'new.png')),
      20_000,
      "Ben's new file on Ann's copy, at her path",
    );
    expect(await logPaths(url)).toContain('team:prints/new.png');
  });
});

describe('a shared folder this machine cannot reach', () => {
  it('is marked so on this machine, with where to fix it, while the others go on', async () => {
    const url = await team.server.createDatabase();
    const annMount = await threePrintsFolder(async () => {
      const mount = path.join(await dirs.make('ann-share-'), 'prints');
      await fs.mkdir(mount);
      return mount;
    });
    const ann = await member(url, 'ann', await dirs.make('team-ann-'));
    await ann.library.addFolder(annMount);
    await ann.library.idle();

    const carlDir = await dirs.make('team-carl-');
    let carl = await member(url, 'carl', carlDir);
    await waitFor(() => carl.store.stats().assets === 3, 10_000, "the team's images on Carl's copy");
    const nowhere = path.join(await dirs.make('carl-'), 'not-mounted', 'prints');
    carl.setTeamFolderPath('prints', nowhere);
    await closeMember(carl);
    carl = await member(url, 'carl', carlDir);
    const folder = await waitFor(
      () => carl.store.listFolders().find((f) => f.path === nowhere && f.state === 'missing'),
      10_000,
      'the folder marked missing on Carl’s machine',
    );
    expect(folder!.error).toMatch(/not reachable from this machine: .*Settings → Team library/);
    expect(carl.teamLibrary().folders).toMatchObject([{ name: 'prints', localPath: nowhere, reachable: false }]);
    // Carl still has the team's records, and Ann goes on.
    expect(carl.store.stats().assets).toBe(3);
    await fs.writeFile(
      path.join(annMount, 'more.png'),
      await makeStripes({ width: 120, height: 120, period: 9, orientation: 'vertical', colours: ['#000', '#fff'] }),
    );
    await waitFor(() => carl.store.stats().assets === 4, 20_000, "Ann's new file on Carl's copy");
  });
});

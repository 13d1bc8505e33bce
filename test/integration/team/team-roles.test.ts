import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createSwatchbookApi } from '../../../electron/api';
import { settleApiCall } from '../../../electron/api/dispatch';
import { Engine } from '../../../electron/engine';
import { TeamDatabase } from '../../../electron/team';
import { TEAM_MIGRATIONS, TEAM_SCHEMA_VERSION } from '../../../electron/team/team-schema';
import { teamTestBed } from '../../support/team-bed';
import { threePrintsFolder } from '../../support/team-prints';
import { waitFor } from '../../support/temp-dirs';

const team = teamTestBed();
const { dirs } = team;

/** Runs SQL on `url` as the user in it. */
async function sql(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** The same database as another user (the test server trusts loopback: no password). */
const as = (url: string, user: string) => url.replace('//swatchbook@', `//${user}@`);
const databaseOf = (url: string) => new URL(url).pathname.slice(1);

/** A login for `user` holding `role` in the team library at `url` (none: no role at all). */
async function person(url: string, name: string, role: 'member' | 'reviewer' | 'admin' | null): Promise<string> {
  // Logins belong to the whole server: one per database keeps the tests apart.
  const user = `${name}_${databaseOf(url)}`;
  await sql(url, `CREATE ROLE ${user} LOGIN`);
  if (role) await sql(url, `GRANT ${databaseOf(url)}_${role} TO ${user}`);
  return as(url, user);
}

const member = (url: string, author: string) => team.member(url, author, { watch: true });
/** A team library whose owner (an admin) has added a folder of three prints. */
async function teamWithPrints(): Promise<{ url: string; owner: Engine; hash: string }> {
  const url = await team.server.createDatabase();
  const owner = await member(url, 'owner');
  const root = await threePrintsFolder(dirs.make);
  await owner.library.addFolder(root);
  await owner.library.idle();
  return { url, owner, hash: owner.store.listFiles(root)[0].hash! };
}

const tagChange = (hash: string) => ({ type: 'setTags', hashes: [hash], add: ['x'], remove: [] });
const insertChange = (url: string, change: object) =>
  sql(url, "INSERT INTO team_changes (id, origin, author, change, made_at) VALUES ($1, 'sql', 'sql', $2, now())", [
    randomUUID(),
    JSON.stringify(change),
  ]);

describe('roles in a team library', () => {
  it('lets a member browse and search, and refuses them changes, in the app and in the database', async () => {
    const { url, hash } = await teamWithPrints();
    const miaUrl = await person(url, 'mia', 'member');
    const mia = await member(miaUrl, 'mia');
    expect(mia.teamRole()).toBe('member');
    await waitFor(() => mia.store.stats().assets === 3, 10_000, "the owner's images on Mia's copy");
    const api = createSwatchbookApi(mia);

    const found = await settleApiCall(api, 'search', { text: '' });
    expect(found).toMatchObject({ ok: true });
    const tagging = await settleApiCall(api, 'setTags', { hashes: [hash], add: ['spring'], remove: [] });
    expect(tagging).toEqual({
      ok: false,
      status: 403,
      error: expect.stringMatching(
        /needs the reviewer role in the team library; yours is member \(browse and search\)/,
      ),
    });
    expect(mia.store.getAsset(hash)!.tags).toEqual([]);
    expect(mia.team!.status.pending).toBe(0);
    // Her machine reads none of the team's folders: reviewers' machines do.
    expect(mia.store.listJobs()).toEqual([]);

    await expect(insertChange(miaUrl, tagChange(hash))).rejects.toThrow(/permission denied for table team_changes/);
    await expect(sql(miaUrl, 'DELETE FROM review_leases')).rejects.toThrow(/permission denied/);
  });

  it('lets a reviewer tag and review, and keeps folders to admins, in the app and in the database', async () => {
    const { url, owner, hash } = await teamWithPrints();
    const rexUrl = await person(url, 'rex', 'reviewer');
    const rex = await member(rexUrl, 'rex');
    await waitFor(() => rex.store.stats().assets === 3, 10_000, "the owner's images on Rex's copy");
    const api = createSwatchbookApi(rex);

    expect(await settleApiCall(api, 'setTags', { hashes: [hash], add: ['spring'], remove: [] })).toMatchObject({
      ok: true,
    });
    await waitFor(() => owner.store.getAsset(hash)?.tags.includes('spring'), 10_000, "Rex's tag on the owner's copy");
    const adding = await settleApiCall(api, 'addFolder', { path: await dirs.make('more-prints-') });
    expect(adding).toMatchObject({ ok: false, status: 403, error: expect.stringMatching(/needs the admin role/) });

    await expect(insertChange(rexUrl, { type: 'addFolder', path: '/elsewhere', at: 1 })).rejects.toThrow(
      /row-level security/,
    );
    await insertChange(rexUrl, tagChange(hash));
  });

  it("sets aside, and says so, changes the server refuses after a person's role was taken away", async () => {
    const { url, owner, hash } = await teamWithPrints();
    const rexUrl = await person(url, 'rex', 'reviewer');
    const rex = await member(rexUrl, 'rex');
    await waitFor(() => rex.store.stats().assets === 3, 10_000, "the owner's images on Rex's copy");
    await sql(url, `REVOKE ${databaseOf(url)}_reviewer FROM rex_${databaseOf(url)}`);
    await sql(url, `GRANT ${databaseOf(url)}_member TO rex_${databaseOf(url)}`);

    rex.store.setTags([hash], ['late'], []);
    await waitFor(() => rex.team!.status.reason?.includes('refused 1 change'), 10_000, 'the refusal said');
    expect(rex.team!.status.pending).toBe(0);
    // Nothing else was held up behind it.
    owner.store.setTags([hash], ['on-time'], []);
    await waitFor(() => rex.store.getAsset(hash)?.tags.includes('on-time'), 10_000, "the owner's tag on Rex's copy");
    expect(owner.store.getAsset(hash)!.tags).toEqual(['on-time']);
    // Still said while online, so the person sees it.
    expect(rex.team!.status).toMatchObject({ connection: 'online', pending: 0 });
    expect(rex.team!.status.reason).toMatch(/refused 1 change\(s\) made here: your role there no longer allows them/);
  });

  it('tells someone without a role that they are not a member, and how an admin makes them one', async () => {
    const url = await team.server.createDatabase();
    await (await TeamDatabase.open(url)).close();
    const zedUrl = await person(url, 'zed', null);
    await expect(TeamDatabase.open(zedUrl)).rejects.toThrow(
      new RegExp(`zed_${databaseOf(url)} is not a member of the team library .*GRANT ${databaseOf(url)}_member`),
    );
  });

  it('brings a database an older Swatchbook set up to the current schema, keeping its changes', async () => {
    const url = await team.server.createDatabase();
    const [first] = TEAM_MIGRATIONS;
    await sql(
      url,
      'CREATE TABLE swatchbook_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    await sql(url, first.sql);
    await sql(url, 'INSERT INTO swatchbook_schema (version, name) VALUES ($1, $2)', [first.version, first.name]);
    await insertChange(url, tagChange('a'.repeat(64)));

    const db = await TeamDatabase.open(url);
    try {
      expect(await db.schemaVersion()).toBe(TEAM_SCHEMA_VERSION);
      expect(db.role).toBe('admin');
      const { rows } = await db.pool.query("SELECT change->>'type' AS type FROM team_changes");
      expect(rows).toEqual([{ type: 'setTags' }]);
    } finally {
      await db.close();
    }
  });
});

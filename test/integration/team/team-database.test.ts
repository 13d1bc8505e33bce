import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamChangeLog, type TeamChange } from '../../../electron/team/team-changes';
import {
  TeamDatabase,
  TeamDatabaseUnreachableError,
  TeamSchemaError,
  TeamSchemaNewerError,
} from '../../../electron/team/team-database';
import { TeamOutbox } from '../../../electron/team/team-outbox';
import { TEAM_SCHEMA_VERSION } from '../../../electron/team/team-schema';
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

const tagged = (author: string, hash: string): TeamChange => ({
  id: randomUUID(),
  origin: `machine-of-${author}`,
  author,
  madeAt: Date.now(),
  op: { type: 'setTags', hashes: [hash], add: ['spring'], remove: [] },
});

describe('the team database on PostgreSQL', () => {
  it('brings a new database to the schema at connect, once, even when two members connect at once', async () => {
    const url = await server.createDatabase();
    const [a, b] = await Promise.all([TeamDatabase.open(url), TeamDatabase.open(url)]);
    expect(await a.schemaVersion()).toBe(TEAM_SCHEMA_VERSION);
    const { rows } = await a.pool.query('SELECT count(*)::int AS steps FROM swatchbook_schema');
    expect(rows[0].steps).toBe(TEAM_SCHEMA_VERSION);
    await Promise.all([a.close(), b.close()]);
    const again = await TeamDatabase.open(url);
    expect(await again.schemaVersion()).toBe(TEAM_SCHEMA_VERSION);
    await again.close();
  });

  it('refuses a database a newer Swatchbook set up, saying what to do', async () => {
    const url = await server.createDatabase();
    await (await TeamDatabase.open(url)).close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("INSERT INTO swatchbook_schema (version, name) VALUES (99, 'from the future')");
    await admin.end();
    const refused = TeamDatabase.open(url);
    await expect(refused).rejects.toBeInstanceOf(TeamSchemaNewerError);
    await expect(refused).rejects.toThrow(
      new RegExp(`newer Swatchbook \\(schema 99; this app understands up to ${TEAM_SCHEMA_VERSION}\\)`),
    );
  });

  it('says a schema it could not apply is that, not an unreachable server, and changes nothing', async () => {
    const url = await server.createDatabase();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // A table of another application's, under a name the schema uses.
    await admin.query('CREATE TABLE team_members (id integer)');
    const failed = TeamDatabase.open(url);
    await expect(failed).rejects.toBeInstanceOf(TeamSchemaError);
    await expect(failed).rejects.toThrow(
      new RegExp(`could not be brought to schema ${TEAM_SCHEMA_VERSION} \\(nothing was changed\\): .*team_members`),
    );
    const { rows } = await admin.query(
      "SELECT to_regclass('swatchbook_schema') AS schema, to_regclass('team_changes') AS log",
    );
    expect(rows[0]).toEqual({ schema: null, log: null });
    await admin.end();
  });

  it('says which server it could not reach, never with the password', async () => {
    const url = server
      .url('postgres')
      .replace('swatchbook@', 'swatchbook:s3cret-Pa55@')
      .replace(/:\d+\//, ':1/');
    const failed = TeamDatabase.open(url);
    await expect(failed).rejects.toBeInstanceOf(TeamDatabaseUnreachableError);
    const message = await failed.catch((error: Error) => error.message);
    expect(message).toContain('127.0.0.1:1');
    expect(message).not.toContain('s3cret');
  });

  it('tells one member of another’s change as it is taken, in the server’s order, each taken once', async () => {
    const url = await server.createDatabase();
    const [ana, ben] = await Promise.all([TeamDatabase.open(url), TeamDatabase.open(url)]);
    const [anaLog, benLog] = [new TeamChangeLog(ana), new TeamChangeLog(ben)];
    const told: number[] = [];
    const listener = await benLog.listen((seq) => told.push(seq));
    const first = [tagged('Ana', 'h1'), tagged('Ana', 'h2')];
    await anaLog.append(first);
    // Told, not polled: nothing reads the log until the notification comes (its latency is for a bench).
    await waitFor(() => told.some((seq) => seq > 0), 10_000, 'a notification');
    // Sent again after a dropped connection: taken once.
    await anaLog.append([first[1], tagged('Ana', 'h3')]);
    const read = await benLog.after(0);
    expect(read.map((c) => c.op)).toEqual(['h1', 'h2', 'h3'].map((hash) => tagged('Ana', hash).op));
    expect(read.map((c) => c.seq)).toEqual([...read.map((c) => c.seq)].sort((x, y) => x - y));
    // Each says which machine made it: that machine skips its own when it replays the log.
    expect(read.map((c) => [c.origin, c.author])).toEqual(Array(3).fill(['machine-of-Ana', 'Ana']));
    expect(await benLog.after(read[1].seq)).toHaveLength(1);
    // Told where the log stood when it began listening, then the newest change of each batch taken.
    expect(told.slice(0, 2)).toEqual([0, read[1].seq]);
    await listener.stop();
    await Promise.all([ana.close(), ben.close()]);
  });

  it('says when it stops hearing of changes, tries again, and catches up once the server is back', async () => {
    const url = await server.createDatabase();
    const [ana, ben] = await Promise.all([TeamDatabase.open(url), TeamDatabase.open(url)]);
    const told: number[] = [];
    const states: string[] = [];
    const listener = await new TeamChangeLog(ben).listen(
      (seq) => told.push(seq),
      (state) => states.push(state.kind),
    );
    expect(states).toEqual(['listening']);
    server.kill();
    try {
      await waitFor(() => states.includes('lost'), 10_000, 'the loss said');
    } finally {
      server.restart();
    }
    const anaLog = new TeamChangeLog(ana);
    await waitFor(
      () =>
        anaLog.append([tagged('Ana', 'h9')]).then(
          () => true,
          () => false,
        ),
      20_000,
      'the server back',
    );
    // Taken while the listener may still have been away: told when it is back, if not by notification.
    await waitFor(() => told.some((seq) => seq > 0), 20_000, 'the change told');
    await waitFor(() => states.at(-1) === 'listening', 20_000, 'listening again');
    await listener.stop();
    await Promise.all([ana.close(), ben.close()]);
  });

  it('keeps changes made while the server is down and sends them once when it is back', async () => {
    const url = await server.createDatabase();
    const db = await TeamDatabase.open(url);
    const log = new TeamChangeLog(db);
    const outbox = new TeamOutbox(path.join(await dirs.make(), 'team-outbox.jsonl'));
    server.kill();
    try {
      outbox.add(tagged('Ana', 'h1'));
      outbox.add(tagged('Ana', 'h2'));
      await expect(outbox.send(log)).rejects.toThrow();
      expect(outbox.pending()).toHaveLength(2);
    } finally {
      server.restart();
    }
    await waitFor(async () => (await outbox.send(log).catch(() => -1)) === 2, 10_000, 'the outbox sent');
    expect((await log.after(0)).map((c) => c.op)).toEqual(['h1', 'h2'].map((hash) => tagged('Ana', hash).op));
    expect(outbox.pending()).toEqual([]);
    await db.close();
  });
});

import type { PersonSpend } from '../../shared/model/team';
import type { LibraryOp } from '../store';
import { inTransaction, type TeamDatabase } from './team-database';
import { TeamListener, type ListenerState } from './team-listener';

/** Taken while appending: sequence order is then commit order (see after). */
const APPEND_LOCK = 0x5357_4b02;

/** A change to the shared library as a member made it: the same op the local journal records. */
export interface TeamChange {
  /** A UUID made on the member's machine: the same change sent twice is taken once. */
  id: string;
  /** The machine (library copy) that made it and has applied it already. */
  origin: string;
  author: string;
  madeAt: number;
  op: LibraryOp;
}

/** A change as the server took it: `seq` is its place in the team's order. */
export interface TakenChange extends TeamChange {
  seq: number;
}

interface ChangeRow {
  seq: string;
  id: string;
  origin: string;
  author: string;
  change: LibraryOp;
  made_at: Date;
}

/**
 * The team's shared, append-only log of library changes on PostgreSQL. Members send the changes
 * they make (see TeamOutbox) and replay everyone's, in the server's order, into their local copy;
 * a member listening is told within moments that there is more to read.
 */
export class TeamChangeLog {
  constructor(private readonly db: TeamDatabase) {}

  /**
   * Takes `changes` in one transaction, in their order; one already taken (same id) is skipped.
   * Returns how many were new.
   * Appends are serialised by a lock, so a bigger seq is always committed later: a reader that
   * has read up to seq n has missed nothing before it.
   */
  async append(changes: readonly TeamChange[]): Promise<number> {
    if (changes.length === 0) return 0;
    return inTransaction(this.db.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      const inserted = await client.query(
        `INSERT INTO team_changes (id, origin, author, change, made_at)
         SELECT id, origin, author, change, made_at
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[])
           WITH ORDINALITY AS c(id, origin, author, change, made_at, n)
         ORDER BY n
         ON CONFLICT (id) DO NOTHING`,
        [
          changes.map((c) => c.id),
          changes.map((c) => c.origin),
          changes.map((c) => c.author),
          changes.map((c) => JSON.stringify(c.op)),
          changes.map((c) => new Date(c.madeAt)),
        ],
      );
      return inserted.rowCount ?? 0;
    });
  }

  /** How many changes the log holds. */
  async count(): Promise<number> {
    const { rows } = await this.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM team_changes');
    return Number(rows[0].n);
  }

  /** Each author's model calls that reached the service since `since` (ms), their cost, most first. */
  async spendByAuthor(since: number): Promise<PersonSpend[]> {
    const { rows } = await this.db.pool.query<{ name: string; calls: number; cost: number }>(
      `SELECT author AS name, count(*)::int AS calls, coalesce(sum((change->'invocation'->>'costUsd')::float8), 0) AS cost
       FROM team_changes
       WHERE change->>'type' = 'recordInvocation' AND made_at >= $1
         AND coalesce(change->'invocation'->>'notSent', '') = ''
       GROUP BY author ORDER BY cost DESC, name`,
      [new Date(since)],
    );
    return rows.map((row) => ({ name: row.name, calls: row.calls, costUsd: Math.round(row.cost * 10_000) / 10_000 }));
  }

  /** Changes after `seq`, oldest first, at most `limit`. */
  async after(seq: number, limit = 1_000): Promise<TakenChange[]> {
    const { rows } = await this.db.pool.query<ChangeRow>(
      'SELECT seq, id, origin, author, change, made_at FROM team_changes WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      id: row.id,
      origin: row.origin,
      author: row.author,
      op: row.change,
      madeAt: row.made_at.getTime(),
    }));
  }

  /**
   * Calls `onTaken` with the newest seq whenever any member's changes are taken, and once the
   * listening connection is up (again); `onState` hears when it is lost and back. Stop it when done.
   */
  async listen(onTaken: (seq: number) => void, onState?: (state: ListenerState) => void): Promise<TeamListener> {
    const listener = new TeamListener(this.db, onTaken, onState);
    await listener.start();
    return listener;
  }
}

import type pg from 'pg';
import type { TeamDatabase } from './team-database';

export const TEAM_CHANGES_CHANNEL = 'swatchbook_team_changes';
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 10_000;

/** Whether this member is hearing of the team's changes; `lost` says why, and when it tries again. */
export type ListenerState = { kind: 'listening' } | { kind: 'lost'; reason: string; retryInMs: number };

/**
 * Hears of the changes members make (LISTEN, on a connection of its own). A dropped connection (the
 * server restarted, the network went) is said, then tried again with backoff; once back, it tells
 * the newest seq at once, since notifications sent meanwhile were missed.
 */
export class TeamListener {
  private client: pg.PoolClient | null = null;
  private retry: NodeJS.Timeout | null = null;
  private delay = FIRST_RETRY_MS;
  private stopped = false;

  constructor(
    private readonly db: TeamDatabase,
    private readonly onTaken: (seq: number) => void,
    private readonly onState: (state: ListenerState) => void = () => undefined,
  ) {}

  /** Connects (or, if the server cannot be reached, says so and keeps trying). */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (!client) return;
    await client.query(`UNLISTEN ${TEAM_CHANGES_CHANNEL}`).catch(() => undefined);
    client.release();
  }

  private async connect(): Promise<void> {
    let client: pg.PoolClient | null = null;
    let dropped = false;
    const drop = (error: unknown) => {
      if (dropped || this.stopped) return;
      dropped = true;
      if (this.client === client) this.client = null;
      // Destroyed, not returned to the pool: the connection is broken.
      client?.release(true);
      this.tryAgainLater(error);
    };
    try {
      client = await this.db.pool.connect();
      client.on('error', drop);
      client.on('end', () => drop(new Error('the server closed the connection')));
      client.on('notification', (message) => {
        if (message.channel === TEAM_CHANGES_CHANNEL && message.payload) this.onTaken(Number(message.payload));
      });
      await client.query(`LISTEN ${TEAM_CHANGES_CHANNEL}`);
      const { rows } = await client.query<{ seq: string }>('SELECT coalesce(max(seq), 0) AS seq FROM team_changes');
      if (dropped) return;
      if (this.stopped) return client.release();
      this.client = client;
      this.delay = FIRST_RETRY_MS;
      this.onState({ kind: 'listening' });
      this.onTaken(Number(rows[0].seq));
    } catch (error) {
      drop(error);
    }
  }

  private tryAgainLater(error: unknown): void {
    const retryInMs = this.delay;
    this.delay = Math.min(LONGEST_RETRY_MS, this.delay * 2);
    this.onState({ kind: 'lost', reason: error instanceof Error ? error.message : String(error), retryInMs });
    this.retry = setTimeout(() => void this.connect(), retryInMs);
  }
}

import { roleAllows, type TeamRole } from '../../shared/model/team';
import type { TeamDatabase } from './team-database';

/** Whether this machine reads a file now, or another member's machine has it (its result arrives in the log). */
export type IngestClaim = { kind: 'mine' } | { kind: 'elsewhere'; by: string };

/** A file as this machine found it: a claim is for these bytes (a changed file is claimed anew). */
export interface ClaimedFile {
  path: string;
  fileSize: number;
  mtimeMs: number;
}

/** Long enough for any one file; a machine killed mid-read retakes its own claim when it comes back. */
const LEASE_SECONDS = 120;
const MINE: IngestClaim = { kind: 'mine' };

/**
 * Claims on the files of shared folders, so each file is ingested once for the team. One statement
 * takes a claim, atomically (the row lock orders two machines asking at once): a new path, this
 * machine's own claim (resuming after a crash), a file that changed, or a claim whose lease ran out.
 * With the server away, this machine reads the file itself: the same bytes are one asset by hash,
 * so the worst case is work done twice, never a file left out.
 */
export class TeamIngestClaims {
  constructor(
    private readonly db: () => TeamDatabase | null,
    private readonly origin: string,
    private readonly author: string,
    private readonly role: () => TeamRole,
    /** A file's name in the team's log (see team-paths.ts): one share, whatever its mount here. */
    private readonly teamPath: (local: string) => string = (local) => local,
  ) {}

  async claim(file: ClaimedFile): Promise<IngestClaim> {
    // A member (browse and search) adds nothing to the team's library: reviewers' machines ingest.
    if (!roleAllows(this.role(), 'reviewer')) return { kind: 'elsewhere', by: 'a reviewer or admin of the team' };
    const db = this.db();
    if (!db) return MINE;
    try {
      const taken = await db.pool.query(
        `INSERT INTO ingest_claims AS c (path, file_size, mtime_ms, claimed_by, author, state, lease_until)
         VALUES ($1, $2, $3, $4, $5, 'claimed', now() + make_interval(secs => $6))
         ON CONFLICT (path) DO UPDATE SET file_size = EXCLUDED.file_size, mtime_ms = EXCLUDED.mtime_ms,
           claimed_by = EXCLUDED.claimed_by, author = EXCLUDED.author, state = 'claimed', lease_until = EXCLUDED.lease_until
         WHERE c.claimed_by = EXCLUDED.claimed_by
            OR c.file_size <> EXCLUDED.file_size OR c.mtime_ms <> EXCLUDED.mtime_ms
            OR (c.state = 'claimed' AND c.lease_until < now())
         RETURNING path`,
        [this.teamPath(file.path), file.fileSize, file.mtimeMs, this.origin, this.author, LEASE_SECONDS],
      );
      if (taken.rowCount === 1) return MINE;
      const { rows } = await db.pool.query<{ author: string }>('SELECT author FROM ingest_claims WHERE path = $1', [
        this.teamPath(file.path),
      ]);
      return { kind: 'elsewhere', by: rows[0]?.author ?? 'another member' };
    } catch {
      return MINE;
    }
  }

  /** Recorded: nobody reads it again. Failed here: the claim is given up, so another machine may try. */
  async settle(path: string, recorded: boolean): Promise<void> {
    const db = this.db();
    if (!db) return;
    const sql = recorded
      ? "UPDATE ingest_claims SET state = 'done' WHERE path = $1 AND claimed_by = $2"
      : 'DELETE FROM ingest_claims WHERE path = $1 AND claimed_by = $2';
    await db.pool.query(sql, [this.teamPath(path), this.origin]).catch(() => undefined);
  }
}

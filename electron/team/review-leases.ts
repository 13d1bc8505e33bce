import type { ReviewHold } from '../../shared/model/review';
import type { TeamDatabase } from './team-database';

/** Renewed by the review workspace while an item stays open; a reviewer who walked away frees it soon. */
const LEASE_SECONDS = 60;
const HELD: ReviewHold = { held: true, by: null };

/**
 * Review leases on the team's server (see ReviewLeases in electron/review). One statement takes a
 * lease: a free item, an expired lease, or this reviewer's own on this machine (a renewal); the row
 * lock orders two reviewers asking at once. With the server away, the reviewer goes on: the worst
 * case is two decisions on one item, and both stay in the history.
 */
export class TeamReviewLeases {
  constructor(
    private readonly db: () => TeamDatabase | null,
    private readonly origin: string,
  ) {}

  async hold(hash: string, reviewer: string): Promise<ReviewHold> {
    const db = this.db();
    if (!db) return HELD;
    try {
      const taken = await db.pool.query(
        `INSERT INTO review_leases AS l (hash, reviewer, origin, until)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4))
         ON CONFLICT (hash) DO UPDATE SET reviewer = EXCLUDED.reviewer, origin = EXCLUDED.origin, until = EXCLUDED.until
         WHERE l.until < now() OR (l.reviewer = EXCLUDED.reviewer AND l.origin = EXCLUDED.origin)
         RETURNING hash`,
        [hash, reviewer, this.origin, LEASE_SECONDS],
      );
      if (taken.rowCount === 1) return HELD;
      const { rows } = await db.pool.query<{ reviewer: string }>('SELECT reviewer FROM review_leases WHERE hash = $1', [
        hash,
      ]);
      return { held: false, by: rows[0]?.reviewer ?? 'another reviewer' };
    } catch {
      return HELD;
    }
  }

  async release(hash: string, reviewer: string): Promise<void> {
    await this.db()
      ?.pool.query('DELETE FROM review_leases WHERE hash = $1 AND reviewer = $2 AND origin = $3', [
        hash,
        reviewer,
        this.origin,
      ])
      .catch(() => undefined);
  }

  async heldByOthers(reviewer: string): Promise<Map<string, string>> {
    const db = this.db();
    if (!db) return new Map();
    try {
      const { rows } = await db.pool.query<{ hash: string; reviewer: string }>(
        'SELECT hash, reviewer FROM review_leases WHERE until > now() AND NOT (reviewer = $1 AND origin = $2)',
        [reviewer, this.origin],
      );
      return new Map(rows.map((row) => [row.hash, row.reviewer]));
    } catch {
      return new Map();
    }
  }
}

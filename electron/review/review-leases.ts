import type { ReviewHold, ReviewQueuePage } from '../../shared/model/review';

/**
 * Short leases on the items reviewers have open, so two reviewers of one queue are not handed the
 * same item at once (a team library keeps them on its server). A lease is a courtesy, not a lock:
 * two decisions on one field both stay in the history and the later wins.
 */
export interface ReviewLeases {
  /** Takes or renews this reviewer's lease on the item, unless another reviewer holds it. */
  hold(hash: string, reviewer: string): Promise<ReviewHold>;
  release(hash: string, reviewer: string): Promise<void>;
  /** Items other reviewers hold now: hash → reviewer. */
  heldByOthers(reviewer: string): Promise<Map<string, string>>;
}

/** A library of one's own: nobody else reviews it. */
export const noReviewLeases: ReviewLeases = {
  hold: async () => ({ held: true, by: null }),
  release: async () => undefined,
  heldByOthers: async () => new Map(),
};

/** The page with the items other reviewers hold marked. */
export function markHeld(page: ReviewQueuePage, held: ReadonlyMap<string, string>): ReviewQueuePage {
  if (held.size === 0) return page;
  return { ...page, items: page.items.map((item) => ({ ...item, heldBy: held.get(item.hash) ?? null })) };
}

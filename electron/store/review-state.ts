import { ATTRIBUTE_FIELDS, type AttributeField } from '../../shared/model/attributes';
import type { FieldReview, ReviewDecision, ReviewTarget } from '../../shared/model/review';

export type ItemReviewStatus = 'pending' | 'accepted' | 'rejected';

const PENDING: FieldReview = { state: 'pending', value: null, modelId: null, reviewer: null, at: null };

/**
 * The append-only log of reviewer decisions and what it adds up to per item and field:
 * the latest decision that was not undone wins (by time, then by order of arrival), so two
 * reviewers never lose each other's records, only the outcome follows the later one.
 */
export class ReviewState {
  decisions: ReviewDecision[] = [];
  private readonly byHash = new Map<string, ReviewDecision[]>();
  private readonly undone = new Set<string>();

  load(decisions: readonly ReviewDecision[]): void {
    this.append(decisions);
  }

  /** Returns the hashes whose review changed. */
  append(decisions: readonly ReviewDecision[]): Set<string> {
    // A fresh array keeps a snapshot in progress serialising the old one intact.
    this.decisions = [...this.decisions, ...decisions];
    const hashes = new Set<string>();
    for (const decision of decisions) {
      hashes.add(decision.hash);
      const list = this.byHash.get(decision.hash);
      if (list) list.push(decision);
      else this.byHash.set(decision.hash, [decision]);
      for (const id of decision.undoes) this.undone.add(id);
    }
    return hashes;
  }

  history(hash: string): ReviewDecision[] {
    return [...(this.byHash.get(hash) ?? [])];
  }

  isUndone(id: string): boolean {
    return this.undone.has(id);
  }

  /** The standing decision per field (and for the whole item), undone ones and undo records left out. */
  standing(hash: string): Map<ReviewTarget, ReviewDecision> {
    const latest = new Map<ReviewTarget, ReviewDecision>();
    for (const d of this.byHash.get(hash) ?? []) {
      if (d.action === 'undo' || this.undone.has(d.id)) continue;
      const current = latest.get(d.field);
      if (!current || d.at >= current.at) latest.set(d.field, d);
    }
    return latest;
  }

  fields(hash: string): Record<AttributeField, FieldReview> {
    const standing = this.standing(hash);
    const itemRejected = this.itemRejectedAt(standing);
    const out = {} as Record<AttributeField, FieldReview>;
    for (const field of ATTRIBUTE_FIELDS) {
      const d = standing.get(field);
      if (itemRejected !== null && (!d || d.at <= itemRejected)) {
        out[field] = { state: 'rejected', value: null, modelId: standing.get('item')!.modelId, reviewer: standing.get('item')!.reviewer, at: itemRejected };
      } else if (!d) {
        out[field] = PENDING;
      } else {
        const state = d.action === 'accept' ? 'accepted' : d.action === 'edit' ? 'edited' : 'rejected';
        out[field] = { state, value: state === 'rejected' ? null : d.value, modelId: d.modelId, reviewer: d.reviewer, at: d.at };
      }
    }
    return out;
  }

  /** Rejected when the whole item was rejected (or every field was); accepted once every field is decided. */
  status(hash: string): ItemReviewStatus {
    const fields = Object.values(this.fields(hash));
    if (fields.every((f) => f.state === 'rejected')) return 'rejected';
    return fields.some((f) => f.state === 'pending') ? 'pending' : 'accepted';
  }

  reviewedHashes(): IterableIterator<string> {
    return this.byHash.keys();
  }

  private itemRejectedAt(standing: Map<ReviewTarget, ReviewDecision>): number | null {
    const item = standing.get('item');
    return item?.action === 'reject' ? item.at : null;
  }
}

import { ATTRIBUTE_FIELDS, type AttributeField } from '../../shared/model/attributes';
import {
  itemReviewStatus,
  type FieldReview,
  type ItemReviewStatus,
  type ReviewDecision,
  type ReviewTarget,
} from '../../shared/model/review';
import { UndoableLog } from './undoable-log';

interface ItemReview {
  fields: Record<AttributeField, FieldReview>;
  status: ItemReviewStatus;
}

const PENDING: FieldReview = { state: 'pending', value: null, modelId: null, reviewer: null, at: null };
/** Shared by every item nobody has decided on yet (most of a large library): never handed out to be changed. */
const UNREVIEWED: ItemReview = Object.freeze<ItemReview>({
  fields: Object.freeze(
    Object.fromEntries(ATTRIBUTE_FIELDS.map((f) => [f, PENDING])) as Record<AttributeField, FieldReview>,
  ),
  status: 'pending',
});

/**
 * Reviewer decisions and what they add up to per item and field: the latest decision that was
 * not undone wins (see UndoableLog).
 */
/** Item changes remembered for readers that catch up (one per item per append). */
const CHANGES_KEPT = 200_000;

export class ReviewState {
  private readonly log = new UndoableLog<ReviewDecision>();
  /** Outcomes worked out once per item and kept until a decision on it arrives: the queue asks for every item. */
  private readonly outcomes = new Map<string, ItemReview>();
  /**
   * The items each append changed, in order, so a reader kept up to date (review highlights) can
   * ask what changed since it last looked; the oldest are let go past a bound.
   */
  private changed: string[] = [];
  private changedBefore = 0;

  get decisions(): ReviewDecision[] {
    return this.log.records;
  }

  load(decisions: readonly ReviewDecision[]): void {
    this.append(decisions);
  }

  /** The same decisions, in the order the log lists them (see UndoableLog.reorder). */
  reorder(decisions: ReviewDecision[]): void {
    this.log.reorder(decisions);
  }

  /** Returns the hashes whose review changed. */
  append(decisions: readonly ReviewDecision[]): Set<string> {
    const hashes = this.log.append(decisions);
    for (const hash of hashes) this.outcomes.delete(hash);
    this.changed.push(...hashes);
    if (this.changed.length > CHANGES_KEPT) {
      const drop = this.changed.length - CHANGES_KEPT;
      this.changed = this.changed.slice(drop);
      this.changedBefore += drop;
    }
    return hashes;
  }

  /** Counts every item change appended so far: pass it to changedSince later. */
  get version(): number {
    return this.changedBefore + this.changed.length;
  }

  /** The items whose review changed since `version` (once each); null when that is older than what is kept. */
  changedSince(version: number): string[] | null {
    if (version < this.changedBefore) return null;
    return [...new Set(this.changed.slice(version - this.changedBefore))];
  }

  history(hash: string): readonly ReviewDecision[] {
    return this.log.history(hash);
  }

  fields(hash: string): Record<AttributeField, FieldReview> {
    return this.outcome(hash).fields;
  }

  /** Rejected when the whole item was rejected (or every field was); accepted once every field is decided. */
  status(hash: string): ItemReviewStatus {
    return this.outcome(hash).status;
  }

  hasDecisions(hash: string): boolean {
    return this.log.has(hash);
  }

  reviewedHashes(): IterableIterator<string> {
    return this.log.hashes();
  }

  private outcome(hash: string): ItemReview {
    if (!this.log.has(hash)) return UNREVIEWED;
    let outcome = this.outcomes.get(hash);
    if (!outcome) {
      const fields = this.fieldsFrom(this.standing(hash));
      outcome = { fields, status: itemReviewStatus(Object.values(fields)) };
      this.outcomes.set(hash, outcome);
    }
    return outcome;
  }

  /** The standing decision per field (and for the whole item), undone ones and undo records left out. */
  private standing(hash: string): Map<ReviewTarget, ReviewDecision> {
    return this.log.standing(
      hash,
      (d) => d.field,
      (d) => d.action !== 'undo',
    );
  }

  /** Rejecting the whole item rejects every field not decided after it. */
  private fieldsFrom(standing: Map<ReviewTarget, ReviewDecision>): Record<AttributeField, FieldReview> {
    const item = standing.get('item');
    const itemReject = item?.action === 'reject' ? item : null;
    const out = {} as Record<AttributeField, FieldReview>;
    for (const field of ATTRIBUTE_FIELDS) {
      const d = standing.get(field);
      if (itemReject && (!d || d.at <= itemReject.at)) {
        out[field] = {
          state: 'rejected',
          value: null,
          modelId: itemReject.modelId,
          reviewer: itemReject.reviewer,
          at: itemReject.at,
        };
      } else if (!d) {
        out[field] = PENDING;
      } else {
        const state = d.action === 'accept' ? 'accepted' : d.action === 'edit' ? 'edited' : 'rejected';
        out[field] = {
          state,
          value: state === 'rejected' ? null : d.value,
          modelId: d.modelId,
          reviewer: d.reviewer,
          at: d.at,
        };
      }
    }
    return out;
  }
}

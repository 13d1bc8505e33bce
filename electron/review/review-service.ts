/**
 * The review workspace's engine: the queue of items with model answers, one item with every
 * answer and where each field stands, decisions (accept, reject, edit; per field or the whole
 * item) and undo, all as append-only records in the store.
 */
import { randomUUID } from 'node:crypto';
import type { Asset } from '../../shared/model/asset';
import { ATTRIBUTE_FIELDS, ModelAttributes, type AttributeField } from '../../shared/model/attributes';
import {
  ReviewQueueQuery,
  type DecisionInput,
  type FieldReview,
  type ItemReviewStatus,
  type ReviewDecision,
  type ReviewHighlights,
  type ReviewItem,
  type ReviewQueueEntry,
  type ReviewQueuePage,
} from '../../shared/model/review';
import { InvalidRequestError } from '../../shared/errors';
import type { AnalysisHead, LibraryStore } from '../store';
import { baseName, isUnder } from '../store/paths';
import { allAnalyses, currentAnalysis } from './current-analysis';
import { byAnswerTime, QueueOrder } from './queue-order';
import { markHeld, noReviewLeases, type ReviewLeases } from './review-leases';
import { ReviewHighlightsTally } from './review-highlights';

export class ReviewInputError extends InvalidRequestError {}

export class ReviewService {
  private readonly order: QueueOrder;
  /** "What reviewers change", counted as decisions arrive. */
  private readonly changes: ReviewHighlightsTally;

  constructor(
    private readonly store: LibraryStore,
    private readonly now: () => number = Date.now,
    readonly leases: ReviewLeases = noReviewLeases,
  ) {
    this.changes = new ReviewHighlightsTally(store);
    this.order = new QueueOrder(store);
  }

  /** The queue page as `query.reviewer` sees it: items other reviewers have open are marked. */
  async queueFor(query: ReviewQueueQuery): Promise<ReviewQueuePage> {
    const page = this.queue(query);
    return query.reviewer ? markHeld(page, await this.leases.heldByOthers(query.reviewer)) : page;
  }

  /** What reviewers keep changing in the models' answers (see ReviewHighlightsTally). */
  highlights(trusted: readonly { modelId: string; field: string }[] = []): ReviewHighlights {
    return this.changes.report(trusted);
  }

  queue(input: ReviewQueueQuery): ReviewQueuePage {
    const query = ReviewQueueQuery.parse(input);
    let pending = 0;
    const matched: ReviewQueueEntry[] = [];
    let total = 0;
    // In queue order already, unless a model filter puts that model's answer first: then sorted below.
    const inOrder = !query.modelId;
    for (const { hash, heads, current, paths } of this.order.get()) {
      const status = this.store.reviews.reviewStatus(hash);
      if (status === 'pending') pending++;
      // Filtering by model looks at that model's answer, whichever answer is under review.
      const considered = query.modelId
        ? heads.find((a) => a.modelId === query.modelId || a.requestedModelId === query.modelId)
        : current;
      if (!considered || !matches(query, paths, considered, status, () => this.store.reviews.fieldReviews(hash))) {
        continue;
      }
      const onPage = total >= query.offset && matched.length < query.limit;
      if (!inOrder || onPage) matched.push(queueEntry(hash, paths, considered, status));
      total++;
    }
    if (inOrder) return { total, pending, items: matched };
    matched.sort((a, b) => byAnswerTime(a.hash, a, b.hash, b));
    return { total, pending, items: matched.slice(query.offset, query.offset + query.limit) };
  }

  item(hash: string): ReviewItem {
    const asset = this.asset(hash);
    const remote = this.store.analysis.listModelAnalyses(hash);
    const current = currentAnalysis(remote);
    const path = asset.locations[0]?.path ?? '';
    return {
      hash,
      name: baseName(path),
      path,
      width: asset.metadata.width,
      height: asset.metadata.height,
      status: this.store.reviews.reviewStatus(hash),
      modelId: current?.modelId ?? '',
      analyses: allAnalyses(this.store.analysis, asset),
      fields: this.store.reviews.fieldReviews(hash),
      history: this.store.reviews.reviewHistory(hash),
      segments: asset.segments,
    };
  }

  /** One keypress's decisions, recorded together (one batch, so one undo takes them back). */
  decide(hash: string, reviewer: string, inputs: readonly DecisionInput[]): ReviewItem {
    const asset = this.asset(hash);
    const analyses = allAnalyses(this.store.analysis, asset);
    const current = currentAnalysis(this.store.analysis.listModelAnalyses(hash));
    if (!current) throw new ReviewInputError('this image has no model answer to review');
    const before = this.store.reviews.fieldReviews(hash);
    const batch = randomUUID();
    const at = this.now();
    const decisions: ReviewDecision[] = [];
    for (const input of inputs) {
      const source = input.modelId ? analyses.find((a) => a.modelId === input.modelId) : current;
      if (!source) throw new ReviewInputError(`no answer from ${input.modelId} for this image`);
      const fields = input.field === 'item' && input.action === 'accept' ? ATTRIBUTE_FIELDS : [input.field];
      for (const field of fields) {
        const modelValue = field === 'item' ? null : source.attributes[field];
        decisions.push({
          id: randomUUID(),
          batch,
          at,
          reviewer,
          hash,
          field,
          action: input.action,
          value:
            input.action === 'accept' ? modelValue : input.action === 'edit' ? editedValue(field, input.value) : null,
          modelValue,
          previous: field === 'item' ? null : before[field].value,
          modelId: source.modelId,
          promptVersion: source.promptVersion,
          undoes: [],
        });
      }
    }
    if (decisions.length) this.store.reviews.recordReviewDecisions(decisions);
    return this.item(hash);
  }

  /** Takes back this reviewer's latest batch on this item that still stands (as a new record). */
  undo(hash: string, reviewer: string): ReviewItem {
    const history = this.store.reviews.reviewHistory(hash);
    const undone = new Set(history.flatMap((d) => d.undoes));
    const last = [...history]
      .reverse()
      .find((d) => d.reviewer === reviewer && d.action !== 'undo' && !undone.has(d.id));
    if (!last) throw new ReviewInputError('nothing of yours to undo on this image');
    const batch = history.filter((d) => d.batch === last.batch);
    this.store.reviews.recordReviewDecisions([
      {
        id: randomUUID(),
        batch: randomUUID(),
        at: this.now(),
        reviewer,
        hash,
        field: batch.length === 1 ? last.field : 'item',
        action: 'undo',
        value: null,
        modelValue: null,
        previous: null,
        modelId: last.modelId,
        promptVersion: last.promptVersion,
        undoes: batch.map((d) => d.id),
      },
    ]);
    return this.item(hash);
  }

  private asset(hash: string): Asset {
    const asset = this.store.getAsset(hash);
    if (!asset) throw new ReviewInputError(`no image ${hash.slice(0, 12)}… in the library`);
    return asset;
  }
}

/** A reviewer's value must be what the model could have said: same schema, same limits. */
function editedValue(field: AttributeField | 'item', value: unknown): unknown {
  if (field === 'item') throw new ReviewInputError('edit a field, not the whole item');
  const parsed = ModelAttributes.shape[field].safeParse(value);
  if (!parsed.success) throw new ReviewInputError(`${field}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

function queueEntry(
  hash: string,
  paths: readonly string[],
  answer: AnalysisHead,
  status: ItemReviewStatus,
): ReviewQueueEntry {
  return {
    hash,
    name: baseName(paths[0] ?? hash),
    modelId: answer.modelId,
    confidence: answer.confidence,
    at: answer.at,
    status,
    heldBy: null,
  };
}

function matches(
  q: ReturnType<typeof ReviewQueueQuery.parse>,
  paths: readonly string[],
  current: AnalysisHead,
  status: string,
  fields: () => Record<AttributeField, FieldReview>,
): boolean {
  if (q.state !== 'all' && status !== q.state) return false;
  if (q.since !== undefined && current.at < q.since) return false;
  if (q.until !== undefined && current.at > q.until) return false;
  if (q.folder && !paths.some((p) => isUnder(p, q.folder!))) return false;
  const confidence = q.field ? current.fieldConfidence[q.field] : current.confidence;
  if (q.confidenceBelow !== undefined && confidence >= q.confidenceBelow) return false;
  return !q.field || fields()[q.field].state === 'pending';
}

import { z } from 'zod';
import { ModelAnalysis } from './ai';
import { Segment } from './asset';
import { ATTRIBUTE_FIELDS } from './attributes';

/** A decision is about one attribute field, or about the whole item ("item": reject all). */
export const REVIEW_TARGETS = [...ATTRIBUTE_FIELDS, 'item'] as const;
export type ReviewTarget = (typeof REVIEW_TARGETS)[number];

export const REVIEW_ACTIONS = ['accept', 'reject', 'edit', 'undo'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const ReviewerName = z.string().trim().min(1).max(80);

/**
 * One reviewer decision, append-only: never changed, never deleted. Undo is a new record
 * pointing at the records it takes back; a later decision on the same field wins, and the
 * one it overwrote stays in the history.
 */
export const ReviewDecision = z.object({
  id: z.string(),
  /** Decisions made by one keypress (accept all) share a batch, so one undo takes them all back. */
  batch: z.string(),
  at: z.number(),
  reviewer: z.string(),
  hash: z.string(),
  field: z.enum(REVIEW_TARGETS),
  action: z.enum(REVIEW_ACTIONS),
  /** What counts after this decision: the model's value (accept), the reviewer's (edit); null for reject and undo. */
  value: z.unknown(),
  /** What the model said for this field, kept beside the reviewer's value. */
  modelValue: z.unknown(),
  /** What counted for this field before this decision (null when nothing did). */
  previous: z.unknown(),
  /** Whose answer was decided on (a model id, or local@version). */
  modelId: z.string(),
  promptVersion: z.string(),
  /** For undo: the decision ids it takes back. */
  undoes: z.array(z.string()),
});
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const FIELD_STATES = ['pending', 'accepted', 'edited', 'rejected'] as const;
export type FieldState = (typeof FIELD_STATES)[number];

/** Where one field of one item stands after every decision so far. */
export const FieldReview = z.object({
  state: z.enum(FIELD_STATES),
  /** The value that counts (accepted or edited); null when pending or rejected. */
  value: z.unknown(),
  modelId: z.string().nullable(),
  reviewer: z.string().nullable(),
  at: z.number().nullable(),
});
export type FieldReview = z.infer<typeof FieldReview>;

export const ITEM_REVIEW_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ItemReviewStatus = (typeof ITEM_REVIEW_STATUSES)[number];

/** An item is rejected when every field is, accepted once none is pending (the engine and the UI's guess agree). */
export function itemReviewStatus(fields: readonly Pick<FieldReview, 'state'>[]): ItemReviewStatus {
  if (fields.every((f) => f.state === 'rejected')) return 'rejected';
  return fields.some((f) => f.state === 'pending') ? 'pending' : 'accepted';
}

export const ReviewQueueQuery = z.object({
  state: z.enum([...ITEM_REVIEW_STATUSES, 'all']).default('pending'),
  /** Only items with an answer from this model. */
  modelId: z.string().max(2048).optional(),
  /** Only items where this field is still pending. */
  field: z.enum(ATTRIBUTE_FIELDS).optional(),
  /** Only items whose model answer is less confident than this (overall or, with `field`, that field). */
  confidenceBelow: z.number().min(0).max(1).optional(),
  folder: z.string().max(4096).optional(),
  /** Answers recorded in this time range (ms since epoch). */
  since: z.number().optional(),
  until: z.number().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(20_000).default(500),
  /** Who is asking: in a team library, items other reviewers have open come back marked (heldBy). */
  reviewer: ReviewerName.optional(),
});
export type ReviewQueueQuery = z.input<typeof ReviewQueueQuery>;

export const ReviewQueueEntry = z.object({
  hash: z.string(),
  name: z.string(),
  modelId: z.string(),
  confidence: z.number(),
  at: z.number(),
  status: z.enum(ITEM_REVIEW_STATUSES),
  /** Another reviewer of a team library has this item open (their name): the queue moves past it. */
  heldBy: z.string().nullable(),
});
export type ReviewQueueEntry = z.infer<typeof ReviewQueueEntry>;

export const ReviewQueuePage = z.object({
  total: z.number().int(),
  /** Pending items in the whole library, whatever the filters. */
  pending: z.number().int(),
  items: z.array(ReviewQueueEntry),
});
export type ReviewQueuePage = z.infer<typeof ReviewQueuePage>;

export const DecisionInput = z.object({
  field: z.enum(REVIEW_TARGETS),
  action: z.enum(['accept', 'reject', 'edit']),
  /** Whose answer to accept (default: the answer under review); picking another model's field is an accept of its value. */
  modelId: z.string().max(2048).optional(),
  /** The reviewer's value, for edit (validated against the field's schema). */
  value: z.unknown().optional(),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

export const QualityRow = z.object({
  key: z.string(),
  accepted: z.number().int(),
  edited: z.number().int(),
  rejected: z.number().int(),
  /** accepted / (accepted + edited + rejected), null when nothing was decided. */
  acceptanceRate: z.number().nullable(),
});
export type QualityRow = z.infer<typeof QualityRow>;

/** One thing reviewers keep changing in a model's answers, as a sentence with its counts. */
export const ReviewCorrectionHighlight = z.object({
  modelId: z.string(),
  field: z.string(),
  /** E.g. `calls paisley “floral”`, `misses toile`, `adds “geometric” that is not there`. */
  change: z.string(),
  count: z.number().int(),
  /** Items of this model whose field a reviewer decided. */
  reviewed: z.number().int(),
  /** Up to 12 items where it happened. */
  examples: z.array(z.string()),
});

/** "What reviewers change": from the review log, kept up to date as decisions arrive. */
export const ReviewHighlights = z.object({
  corrections: z.array(ReviewCorrectionHighlight),
  /** Per model and field: how often reviewers rejected the field outright. */
  rejections: z.array(
    z.object({ modelId: z.string(), field: z.string(), rejected: z.number().int(), reviewed: z.number().int() }),
  ),
  /** Among reviewed items answered by two models: per field, how often their answers differ, most first. */
  disagreements: z.array(
    z.object({
      models: z.tuple([z.string(), z.string()]),
      field: z.string(),
      items: z.number().int(),
      differ: z.number().int(),
    }),
  ),
  /**
   * Fields whose answers from a model count before review (trusted in Settings) that reviewers
   * later edited or rejected: whether that trust holds up.
   */
  overturned: z.array(
    z.object({ modelId: z.string(), field: z.string(), overturned: z.number().int(), reviewed: z.number().int() }),
  ),
  /** Items counted (each decided at least once). */
  items: z.number().int(),
});
export type ReviewHighlights = z.infer<typeof ReviewHighlights>;

/** A paragraph about the highlights written by a model from their counts and sentences only; kept until asked afresh. */
export const ReviewSummary = z.object({
  text: z.string().min(1).max(600),
  modelId: z.string(),
  at: z.number(),
  /** The review log's version it was written at: the decisions since tell how stale it is. */
  reviewVersion: z.number().int(),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

/** The stored summary (null: none written) and how many review decisions came after it. */
export const ReviewSummaryState = z.object({
  summary: ReviewSummary.nullable(),
  decisionsSince: z.number().int(),
});
export type ReviewSummaryState = z.infer<typeof ReviewSummaryState>;

export const QualityReport = z.object({
  /** What reviewers keep changing in the models' answers. */
  highlights: ReviewHighlights,
  /** The AI-written paragraph about the highlights, if one was asked for. */
  highlightsSummary: ReviewSummaryState,
  byModel: z.array(QualityRow),
  byField: z.array(QualityRow),
  /** Per attribute and model: acceptances per dollar spent on that model's answers for reviewed items. */
  acceptedPerDollar: z.array(
    z.object({
      field: z.string(),
      modelId: z.string(),
      accepted: z.number().int(),
      costUsd: z.number(),
      perDollar: z.number().nullable(),
    }),
  ),
  reviewers: z.array(
    z.object({
      reviewer: z.string(),
      items: z.number().int(),
      decisions: z.number().int(),
      hours: z.number(),
      itemsPerHour: z.number().nullable(),
    }),
  ),
  /** Fields both reviewers decided on the same item, and how many they decided the same way. */
  agreement: z.array(
    z.object({
      reviewers: z.tuple([z.string(), z.string()]),
      fields: z.number().int(),
      agreed: z.number().int(),
      rate: z.number().nullable(),
    }),
  ),
  /** Standing corrections of the local analyzer per field (pattern, colours, repeat). */
  localCorrections: z.array(z.object({ field: z.string(), count: z.number().int() })),
  /** The local analyzer's dominant pattern label against the one people set: its confusion as people see it. */
  localConfusion: z.array(z.object({ local: z.string(), corrected: z.string(), count: z.number().int() })),
});
export type QualityReport = z.infer<typeof QualityReport>;

/** One image in the review workspace: every answer, where each field stands, and the whole history. */
export const ReviewItem = z.object({
  hash: z.string(),
  name: z.string(),
  path: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  status: z.enum(ITEM_REVIEW_STATUSES),
  /** The answer under review (an escalated answer over the one it replaced, else the most confident). */
  modelId: z.string(),
  /** The local analyzer's answer first, then each model's. */
  analyses: z.array(ModelAnalysis),
  fields: z.record(z.enum(ATTRIBUTE_FIELDS), FieldReview),
  history: z.array(ReviewDecision),
  /** Sheet regions, drawn over the image. */
  segments: z.array(Segment),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/** Whether this reviewer now holds the item (a short lease, renewed while it stays open), or who does. */
export const ReviewHold = z.object({
  held: z.boolean(),
  /** The reviewer holding it, when not this one. */
  by: z.string().nullable(),
});
export type ReviewHold = z.infer<typeof ReviewHold>;

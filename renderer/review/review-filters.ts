import type { AttributeField, ReviewQueueQuery } from '../../shared/model';

/** The queue's filters as the filter bar edits them (dates as yyyy-mm-dd, local time). */
export interface ReviewFilters {
  state: 'pending' | 'accepted' | 'rejected' | 'all';
  modelId?: string;
  field?: AttributeField;
  confidenceBelow?: number;
  folder?: string;
  since?: string;
  until?: string;
}

export const DEFAULT_REVIEW_FILTERS: ReviewFilters = { state: 'pending' };

/** The most the engine returns in one read: the whole queue of a large library. */
const QUEUE_LIMIT = 20_000;

const startOfDay = (date: string) => new Date(`${date}T00:00:00`).getTime();
const endOfDay = (date: string) => new Date(`${date}T23:59:59.999`).getTime();

/** `reviewer`: who asks, so items other reviewers of a team queue have open come back marked. */
export function queueQuery(filters: ReviewFilters, reviewer?: string): ReviewQueueQuery {
  return {
    reviewer: reviewer || undefined,
    state: filters.state,
    modelId: filters.modelId,
    field: filters.field,
    confidenceBelow: filters.confidenceBelow,
    folder: filters.folder,
    since: filters.since ? startOfDay(filters.since) : undefined,
    until: filters.until ? endOfDay(filters.until) : undefined,
    limit: QUEUE_LIMIT,
  };
}

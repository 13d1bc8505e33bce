import { useMemo, useState } from 'react';
import type { ReviewQueueEntry } from '../../shared/model';
import { useReviewQueue, useTeamRight } from '../api';
import { KeyboardHelp } from './KeyboardHelp';
import { ReviewEmpty } from './ReviewEmpty';
import { ReviewerBadge, ReviewerNamePrompt } from './ReviewerName';
import { ReviewFilterBar } from './ReviewFilterBar';
import { DEFAULT_REVIEW_FILTERS, queueQuery, type ReviewFilters } from './review-filters';
import { ReviewWorkspace } from './ReviewWorkspace';
import { useReviewerName } from './use-reviewer-name';

const NO_ITEMS: ReviewQueueEntry[] = [];

/** Reviewers approve, edit or reject what the models said, item by item, before it counts. */
export function ReviewView() {
  const [reviewer, setReviewer] = useReviewerName();
  const [filters, setFilters] = useState<ReviewFilters>(DEFAULT_REVIEW_FILTERS);
  const [helpOpen, setHelpOpen] = useState(false);
  const query = useMemo(() => queueQuery(filters, reviewer), [filters, reviewer]);
  const queue = useReviewQueue(query, Boolean(reviewer));
  const items = queue.data?.items ?? NO_ITEMS;
  const seenModels = useMemo(() => [...new Set(items.map((item) => item.modelId))], [items]);
  const filtered = JSON.stringify(filters) !== JSON.stringify(DEFAULT_REVIEW_FILTERS);
  const deciding = useTeamRight('reviewDecide');

  return (
    <main className="review-view" data-testid="review-view">
      <header className="review-header">
        <h1>Review</h1>
        {queue.data && (
          <span className="review-count" data-testid="review-pending" data-count={queue.data.pending}>
            <strong>{queue.data.pending.toLocaleString()}</strong> pending
            <span className="muted small"> · {queue.data.total.toLocaleString()} in this list</span>
          </span>
        )}
        <span className="review-header-spacer" />
        <ReviewFilterBar filters={filters} onChange={setFilters} seenModels={seenModels} />
        <button
          type="button"
          className="compact"
          onClick={() => void queue.refetch()}
          title="Reload the queue: decided items leave a pending list, new answers join it"
        >
          Refresh
        </button>
        {reviewer && <ReviewerBadge name={reviewer} onChange={setReviewer} />}
        <button type="button" className="compact" aria-label="Keyboard shortcuts" onClick={() => setHelpOpen(true)}>
          <kbd>?</kbd> Keys
        </button>
      </header>
      {!deciding.allowed && (
        <p className="callout" role="status" data-testid="review-rights">
          {deciding.why} You can look through the queue; decisions are the reviewers’.
        </p>
      )}
      {!reviewer ? (
        <ReviewerNamePrompt onSet={setReviewer} />
      ) : queue.error ? (
        <p className="error-text pad">Could not load the review queue: {queue.error.message}</p>
      ) : !queue.data ? (
        <p className="muted pad">Loading the queue…</p>
      ) : items.length === 0 ? (
        <ReviewEmpty filtered={filtered} />
      ) : (
        <ReviewWorkspace
          items={items}
          reviewer={reviewer}
          helpOpen={helpOpen}
          onToggleHelp={() => setHelpOpen((open) => !open)}
        />
      )}
      {helpOpen && <KeyboardHelp onClose={() => setHelpOpen(false)} />}
    </main>
  );
}

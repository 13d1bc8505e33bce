import { FieldReviewTable } from './FieldReviewTable';
import { modelLabel } from './model-label';
import { ReviewHistory } from './ReviewHistory';
import { ReviewImage } from './ReviewImage';
import type { ReviewSession } from './use-review-session';

const STATUS_LABELS = { pending: 'Pending', accepted: 'Accepted', rejected: 'Rejected' } as const;

/** The current item: the image on one side, the answers field by field on the other, the history below them. */
export function ReviewItemPanel({ session }: { session: ReviewSession }) {
  const { item, commands } = session;
  if (!item) {
    return (
      <section className="review-item empty">
        {session.error ? (
          <p className="error-text pad">Could not load this item: {session.error.message}</p>
        ) : (
          <p className="muted pad">Loading…</p>
        )}
      </section>
    );
  }
  return (
    <section
      className="review-item"
      aria-label={`Review of ${item.name}`}
      data-testid="review-item"
      data-hash={item.hash}
      data-status={item.status}
    >
      <header className="review-item-header">
        <h2 title={item.path} data-testid="review-item-name">
          {item.name}
        </h2>
        <span className={`status-badge ${item.status}`} data-testid="review-item-status">
          {STATUS_LABELS[item.status]}
        </span>
        <span className="small muted">
          Answer under review: <span title={item.modelId}>{modelLabel(item.modelId)}</span>
        </span>
        <span className="small muted" data-testid="review-saving" data-unsaved={session.unsaved}>
          {session.unsaved > 0 ? `Saving ${session.unsaved}…` : 'All saved'}
        </span>
        <div className="review-item-actions">
          <button type="button" className="primary" onClick={commands.acceptAll} data-testid="accept-all">
            <kbd>A</kbd> Accept all
          </button>
          <button type="button" className="danger" onClick={commands.rejectItem} data-testid="reject-item">
            <kbd>R</kbd> Reject
          </button>
          <button type="button" onClick={commands.undo} data-testid="undo">
            <kbd>U</kbd> Undo
          </button>
          <button
            type="button"
            aria-pressed={session.comparing}
            onClick={commands.toggleCompare}
            disabled={session.candidates.length === 0}
          >
            <kbd>C</kbd> Compare
          </button>
        </div>
      </header>
      {session.heldBy && (
        <p className="callout" role="status" data-testid="review-held-notice">
          {session.heldBy} has this item open: decisions you make here could cross theirs (both stay in the history; the
          later counts). Press <kbd>J</kbd> to move on.
        </p>
      )}
      {session.notice && (
        <div className="toast-inline error-text" role="alert" data-testid="review-notice">
          {session.notice}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={session.dismissNotice}>
            ×
          </button>
        </div>
      )}
      {session.allDone && (
        <p className="callout" role="status" data-testid="review-all-done">
          No pending items left in this list. Change the filters to see others, or review decided items again.
        </p>
      )}
      <div className="review-item-body">
        <ReviewImage item={item} />
        <div className="review-item-side">
          <FieldReviewTable session={session} />
          <ReviewHistory history={item.history} />
        </div>
      </div>
    </section>
  );
}

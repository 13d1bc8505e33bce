import { RENDERED_STATES, type AdVariant } from '../../shared/model';
import { useApiMutation } from '../api';

interface VariantDecisionProps {
  variant: AdVariant;
  /** Who decides; without a name nothing can be decided. */
  reviewer: string;
}

/** Approve or reject one variant; pressing the current decision again takes it back. */
export function VariantDecision({ variant, reviewer }: VariantDecisionProps) {
  const review = useApiMutation('reviewAdVariant');
  const decide = (decision: 'approved' | 'rejected') =>
    review.mutate({ id: variant.id, reviewer, decision: variant.review === decision ? 'pending' : decision });
  const disabled = !reviewer || review.isPending;
  return (
    <div className="ad-variant-decision" role="group" aria-label="Decision">
      <button
        type="button"
        className="compact approve"
        aria-pressed={variant.review === 'approved'}
        disabled={disabled || !RENDERED_STATES.includes(variant.state)}
        onClick={() => decide('approved')}
      >
        {variant.review === 'approved' ? 'Approved' : 'Approve'}
      </button>
      <button
        type="button"
        className="compact reject"
        aria-pressed={variant.review === 'rejected'}
        disabled={disabled}
        onClick={() => decide('rejected')}
      >
        {variant.review === 'rejected' ? 'Rejected' : 'Reject'}
      </button>
      {review.error && (
        <span className="error-text small" role="alert">
          {review.error.message}
        </span>
      )}
    </div>
  );
}

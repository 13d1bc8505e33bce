import type { AttributeField, FieldReview, ModelAnalysis } from '../../shared/model';
import { FIELD_LABELS } from '../detail/ModelAttributeList';
import { ConfidenceMeter } from '../detail/ConfidenceMeter';
import { sameValue } from './field-values';
import { FieldValueText } from './FieldValueText';
import { modelLabel } from './model-label';
import type { ReviewColumn } from './use-review-session';

interface FieldReviewRowProps {
  field: AttributeField;
  index: number;
  review: FieldReview;
  reviewAnalysis: ModelAnalysis | undefined;
  /** Set when two answers are shown side by side. */
  compareAnalysis: ModelAnalysis | undefined;
  column: ReviewColumn;
  focused: boolean;
  onFocus(): void;
  onAccept(analysis: ModelAnalysis | undefined): void;
  onReject(): void;
  onEdit(): void;
}

const STATE_MARK: Record<FieldReview['state'], string> = { pending: '•', accepted: '✓', edited: '✎', rejected: '✗' };

/** Key 1–9 then 0 focuses the field: shown beside its name. */
const keyOf = (index: number) => String((index + 1) % 10);

/** One attribute: each answer's value and confidence, where the field stands, and its decisions. */
export function FieldReviewRow(props: FieldReviewRowProps) {
  const {
    field,
    index,
    review,
    reviewAnalysis,
    compareAnalysis,
    column,
    focused,
    onFocus,
    onAccept,
    onReject,
    onEdit,
  } = props;
  const label = FIELD_LABELS[field];
  const differs =
    compareAnalysis !== undefined &&
    reviewAnalysis !== undefined &&
    !sameValue(reviewAnalysis.attributes[field], compareAnalysis.attributes[field]);
  const answerCell = (which: ReviewColumn, analysis: ModelAnalysis | undefined) => (
    <td
      className={`review-answer${column === which && compareAnalysis ? ' active' : ''}${differs ? ' differs' : ''}`}
      data-column={which}
      data-testid="review-answer"
    >
      <div className="review-answer-value">
        <FieldValueText value={analysis?.attributes[field]} />
      </div>
      <div className="review-answer-meta">
        {analysis && (
          <ConfidenceMeter
            value={analysis.attributes.confidence[field]}
            label={`${label} (${modelLabel(analysis.modelId)})`}
          />
        )}
        {compareAnalysis && analysis && (
          <button
            type="button"
            className="compact"
            onClick={() => onAccept(analysis)}
            aria-label={`Use ${modelLabel(analysis.modelId)}'s ${label}`}
          >
            Use
          </button>
        )}
      </div>
    </td>
  );

  return (
    <tr
      className={`review-field${focused ? ' focused' : ''}`}
      aria-current={focused ? 'true' : undefined}
      data-testid="review-field"
      data-field={field}
      data-state={review.state}
      data-differs={differs || undefined}
      onClick={onFocus}
    >
      <th scope="row">
        <kbd>{keyOf(index)}</kbd> {label}
      </th>
      {answerCell('review', reviewAnalysis)}
      {compareAnalysis && answerCell('compare', compareAnalysis)}
      <td className={`review-decision ${review.state}`} data-testid="review-decision">
        <span className="review-state">
          <span aria-hidden="true">{STATE_MARK[review.state]}</span> {review.state}
        </span>
        {(review.state === 'accepted' || review.state === 'edited') && (
          <>
            <div className="review-decided-value" data-testid="decided-value">
              <FieldValueText value={review.value} />
            </div>
            <div className="small muted" data-testid="decided-source">
              {review.state === 'edited' ? `by ${review.reviewer}` : `from ${modelLabel(review.modelId ?? '')}`}
            </div>
          </>
        )}
      </td>
      <td className="review-field-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Accept ${label}`}
          title="Accept (Enter)"
          onClick={() => onAccept(undefined)}
        >
          ✓
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Reject ${label}`}
          title="Reject (X)"
          onClick={onReject}
        >
          ✗
        </button>
        <button type="button" className="icon-button" aria-label={`Edit ${label}`} title="Edit (E)" onClick={onEdit}>
          ✎
        </button>
      </td>
    </tr>
  );
}

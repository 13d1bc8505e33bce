import type { AttributeField, ReviewHighlights } from '../../shared/model';
import { percent } from '../components/format';
import { FIELD_LABELS } from '../detail/ModelAttributeList';
import { modelLabel } from '../review/model-label';

const fieldLabel = (key: string) => FIELD_LABELS[key as AttributeField] ?? key;

/** "What reviewers change": the corrections people make most often, per model and field, and outright rejections. */
export function ReviewerChanges({ highlights }: { highlights: ReviewHighlights }) {
  if (highlights.corrections.length === 0 && highlights.rejections.length === 0)
    return <p className="muted small">Nothing yet: reviewers have accepted everything they decided so far.</p>;
  return (
    <>
      <ul className="reviewer-changes" data-testid="reviewer-changes">
        {highlights.corrections.map((c) => (
          <li key={`${c.modelId}\n${c.field}\n${c.change}`} data-testid="reviewer-change">
            <strong>{modelLabel(c.modelId)}</strong> {c.change} ({fieldLabel(c.field).toLowerCase()}) — corrected in{' '}
            {percent(c.count / c.reviewed)} of {c.reviewed.toLocaleString()} reviewed; {c.count.toLocaleString()}{' '}
            {c.count === 1 ? 'example' : 'examples'}
          </li>
        ))}
      </ul>
      {highlights.rejections.length > 0 && (
        <p className="small" data-testid="reviewer-rejections">
          Rejected outright:{' '}
          {highlights.rejections
            .map(
              (r) =>
                `${modelLabel(r.modelId)} ${fieldLabel(r.field).toLowerCase()} ${percent(r.rejected / r.reviewed)} of ${r.reviewed}`,
            )
            .join('; ')}
        </p>
      )}
    </>
  );
}

import type { AttributeField, ReviewHighlights } from '../../shared/model';
import { percent } from '../components/format';
import { FIELD_LABELS } from '../detail/ModelAttributeList';
import { modelLabel } from '../review/model-label';

const fieldLabel = (key: string) => FIELD_LABELS[key as AttributeField] ?? key;

/** "What reviewers change": the corrections people make most often, per model and field, and outright rejections. */
export function ReviewerChanges({ highlights }: { highlights: ReviewHighlights }) {
  if (
    highlights.corrections.length === 0 &&
    highlights.rejections.length === 0 &&
    highlights.disagreements.length === 0
  )
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
      {highlights.disagreements.length > 0 && (
        <p className="small" data-testid="model-disagreements">
          Where two models disagree most (reviewed items answered by both):{' '}
          {highlights.disagreements
            .map(
              (d) =>
                `${fieldLabel(d.field).toLowerCase()}: ${modelLabel(d.models[0])} and ${modelLabel(d.models[1])} differ on ${percent(d.differ / d.items)} of ${d.items}`,
            )
            .join('; ')}
        </p>
      )}
      {highlights.overturned.length > 0 && (
        <p className="small" data-testid="trusted-overturned">
          Trusted answers later overturned:{' '}
          {highlights.overturned
            .map(
              (o) =>
                `${modelLabel(o.modelId)} ${fieldLabel(o.field).toLowerCase()} ${o.overturned} of ${o.reviewed} reviewed`,
            )
            .join('; ')}
        </p>
      )}
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

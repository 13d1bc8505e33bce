import type { AttributeField, ReviewHighlights } from '../../shared/model';
import { useAiSettings } from '../api';
import { percent } from '../components/format';
import { useSettingCommit } from '../settings/use-setting-commit';
import { FIELD_LABELS } from '../detail/ModelAttributeList';
import { modelLabel } from '../review/model-label';
import { PromptNoteButton } from './PromptNoteButton';

const fieldLabel = (key: string) => FIELD_LABELS[key as AttributeField] ?? key;
/** Edits of free text make no lesson for the prompt: the model's sentence against the reviewer's. */
const FREE_TEXT_FIELDS: readonly string[] = ['description', 'keywords'];

/** Trusted model fields that reviewers overturned, each with a way to stop trusting it. */
function TrustOverturned({ overturned }: { overturned: ReviewHighlights['overturned'] }) {
  const settings = useAiSettings().data?.settings;
  const { commit, error } = useSettingCommit('trustedFields');
  const stopTrusting = (modelId: string, field: string) =>
    settings && commit(settings.trustedFields.filter((t) => !(t.modelId === modelId && t.field === field)));
  return (
    <div className="small" data-testid="trusted-overturned">
      Trusted answers later overturned:
      <ul className="plain-list">
        {overturned.map((o) => (
          <li key={`${o.modelId}\n${o.field}`}>
            {modelLabel(o.modelId)} {fieldLabel(o.field).toLowerCase()}: {o.overturned} of {o.reviewed} reviewed{' '}
            <button type="button" className="compact" onClick={() => stopTrusting(o.modelId, o.field)}>
              Stop trusting
            </button>
          </li>
        ))}
      </ul>
      {error && <span className="error-text">{error}</span>}
    </div>
  );
}

function disagreementText(d: ReviewHighlights['disagreements'][number]): string {
  const models = `${modelLabel(d.models[0])} and ${modelLabel(d.models[1])}`;
  return `${fieldLabel(d.field).toLowerCase()}: ${models} differ on ${percent(d.differ / d.items)} of ${d.items}`;
}

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
            {c.count === 1 ? 'example' : 'examples'}{' '}
            {!FREE_TEXT_FIELDS.includes(c.field) && (
              <PromptNoteButton correction={c} fieldLabel={fieldLabel(c.field)} />
            )}
          </li>
        ))}
      </ul>
      {highlights.disagreements.length > 0 && (
        <p className="small" data-testid="model-disagreements">
          Where two models disagree most (reviewed items answered by both):{' '}
          {highlights.disagreements.map(disagreementText).join('; ')}
        </p>
      )}
      {highlights.overturned.length > 0 && <TrustOverturned overturned={highlights.overturned} />}
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

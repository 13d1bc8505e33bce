import type { AssetLabels, CorrectionInput, LabelCorrection, RepeatSize } from '../../shared/model';
import { COLOUR_NAMES } from '../../shared/vocabulary/colour-names';
import { PATTERN_LABELS } from '../../shared/vocabulary/pattern-labels';
import { useApiMutation, useAssetLabels } from '../api';
import { percent } from '../components/format';
import { ReviewerBadge } from '../review/ReviewerName';
import { useReviewerName } from '../review/use-reviewer-name';
import { CorrectionHistory } from './CorrectionHistory';
import { LabelChips } from './LabelChips';
import { LocalAnswer } from './LocalAnswer';
import { RepeatField } from './RepeatField';
import { ReviewerNameField } from './ReviewerNameField';
import { valueText } from './correction-history';

const COLOUR_OPTIONS = COLOUR_NAMES.map((c) => c.name);

const repeatText = (repeat: RepeatSize) => valueText('repeat', repeat);

/** Whether this person has a correction on the image that still stands (what "Undo" would take back). */
function hasStanding(history: readonly LabelCorrection[], reviewer: string): boolean {
  const undone = new Set(history.flatMap((c) => c.undoes));
  return history.some((c) => c.action === 'set' && c.reviewer === reviewer && !undone.has(c.id));
}

/**
 * The local analyzer's pattern labels, colour names and repeat size, correctable in place. Each
 * change is recorded under the person's name (undo adds a record, history is kept), and the
 * local answer stays in view under a corrected value.
 */
export function LabelCorrections({ hash }: { hash: string }) {
  const labels = useAssetLabels(hash);
  const [reviewer, setReviewer] = useReviewerName();
  const correct = useApiMutation('correctLabels');
  const undo = useApiMutation('undoLabelCorrection');
  const data = labels.data;
  if (!data) return labels.error ? <p className="error-text small">{labels.error.message}</p> : null;
  const disabled = !reviewer || correct.isPending || undo.isPending;
  const send = (correction: CorrectionInput) => correct.mutate({ hashes: [hash], reviewer, corrections: [correction] });
  const error = correct.error ?? undo.error;
  return (
    <section className="label-corrections" data-testid="label-corrections">
      <header className="label-corrections-header">
        <h3>Labels</h3>
        {reviewer && <ReviewerBadge name={reviewer} onChange={setReviewer} />}
        {reviewer && hasStanding(data.history, reviewer) && (
          <button
            type="button"
            className="link-button small"
            disabled={undo.isPending}
            onClick={() => undo.mutate({ reviewer, hash })}
            data-testid="undo-correction"
          >
            Undo my last correction
          </button>
        )}
      </header>
      {!reviewer && <ReviewerNameField onSet={setReviewer} />}
      <Fields data={data} disabled={disabled} send={send} />
      {error && <p className="error-text small">{error.message}</p>}
      <CorrectionHistory history={data.history} />
    </section>
  );
}

function Fields({ data, disabled, send }: { data: AssetLabels; disabled: boolean; send(c: CorrectionInput): void }) {
  const { local, effective, corrected } = data;
  return (
    <dl className="attributes label-fields">
      <dt>Pattern</dt>
      <dd>
        <LabelChips
          noun="pattern label"
          values={effective.patterns}
          options={PATTERN_LABELS}
          ordered
          disabled={disabled}
          testId="pattern-labels"
          onChange={(value) => send({ field: 'pattern', value: value as typeof effective.patterns })}
        />
        <LocalAnswer
          said={`${local.patterns.join(', ')} (${percent(local.confidence)})`}
          corrected={corrected.pattern}
          confidence={local.confidence}
          testId="local-pattern"
        />
      </dd>
      <dt>Colours</dt>
      <dd>
        <LabelChips
          noun="colour"
          values={effective.colours}
          options={COLOUR_OPTIONS}
          disabled={disabled}
          testId="colour-names"
          onChange={(value) => send({ field: 'colours', value: value as (typeof COLOUR_OPTIONS)[number][] })}
        />
        <LocalAnswer said={local.colours.join(', ') || 'none'} corrected={corrected.colours} testId="local-colours" />
      </dd>
      <dt>Repeat</dt>
      <dd>
        <p className="repeat-value small" data-testid="repeat-value">
          {repeatText(effective.repeat)}
        </p>
        <RepeatField
          key={repeatText(effective.repeat)}
          repeat={effective.repeat}
          disabled={disabled}
          onSave={(value) => send({ field: 'repeat', value })}
        />
        <LocalAnswer said={repeatText(local.repeat)} corrected={corrected.repeat} testId="local-repeat" />
      </dd>
    </dl>
  );
}

import type { CostEstimate } from '../../shared/model';
import { formatUsd } from '../components/format';
import { RadioChoice } from '../components/RadioChoice';
import { RouteLink } from '../navigation/RouteLink';

export type RunMode = 'on-demand' | 'batch';

/**
 * On demand or as a Bedrock batch job: offered when the run is at least the batch threshold, with the
 * price of each and what the batch saves. When a run that large cannot be a batch job, it says why.
 */
export function BatchChoice(props: { estimate: CostEstimate; mode: RunMode; onChoose(mode: RunMode): void }) {
  const { batch, toSend } = props.estimate;
  if (!batch.available) {
    if (toSend < batch.threshold) return null;
    return (
      <p className="muted small" data-testid="batch-unavailable">
        Half price as a batch job is not available: {batch.reason}{' '}
        <RouteLink to="settings">Settings → AI analysis</RouteLink>
      </p>
    );
  }
  return (
    <fieldset className="choices" data-testid="batch-choice">
      <legend>How to send them</legend>
      <RadioChoice
        name="run-mode"
        checked={props.mode === 'batch'}
        onChoose={() => props.onChoose('batch')}
        title={
          <>
            Batch job ≈ <strong data-testid="batch-cost">{formatUsd(batch.costUsd)}</strong>, saves{' '}
            <span data-testid="batch-saving">{formatUsd(batch.savingUsd)}</span>
          </>
        }
      >
        Bedrock&apos;s batch price (half of on demand); answers arrive within 24 hours. Follow it in the status bar.
      </RadioChoice>
      <RadioChoice
        name="run-mode"
        checked={props.mode === 'on-demand'}
        onChoose={() => props.onChoose('on-demand')}
        title={<>On demand ≈ {formatUsd(batch.onDemandUsd)}</>}
      >
        Answers start arriving within minutes.
      </RadioChoice>
    </fieldset>
  );
}

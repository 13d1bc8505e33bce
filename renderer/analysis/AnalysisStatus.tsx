import type { AnalysisProgress } from '../../shared/model';
import { useAnalysisProgress, useApiMutation } from '../api';
import { formatDuration, formatUsd, percent } from '../components/format';
import { PopoverButton } from '../components/PopoverButton';
import { ProgressMeter } from '../components/ProgressMeter';
import { FailedJobList } from './FailedJobList';

function BudgetBadge({ progress }: { progress: AnalysisProgress }) {
  if (progress.budgetState === 'ok') return null;
  const spent = `${formatUsd(progress.spentThisMonthUsd)} of ${formatUsd(progress.budgetUsd)} spent this month`;
  return (
    <span
      className={`status-badge ${progress.budgetState === 'exceeded' ? 'danger' : 'warning'}`}
      title={spent}
      data-testid="budget-badge"
    >
      {progress.budgetState === 'exceeded'
        ? 'Budget reached'
        : `Budget ${progress.budgetUsd > 0 ? percent(progress.spentThisMonthUsd / progress.budgetUsd) : ''}`}
    </span>
  );
}

/** Model analysis in the status bar: progress, speed, what is being sent, why it waits, and the controls. */
export function AnalysisStatus() {
  const { data: progress } = useAnalysisProgress();
  const pause = useApiMutation('pauseAnalysis');
  const resume = useApiMutation('resumeAnalysis');
  const cancel = useApiMutation('cancelAnalysis');
  if (!progress) return null;
  const settled = progress.done + progress.failed + progress.cancelled;
  const total = settled + progress.queued + progress.running + progress.waiting;
  if (total === 0 && progress.budgetState === 'ok') return null;
  const active = settled < total;
  const error = pause.error ?? resume.error ?? cancel.error;

  return (
    <div className="analysis-status" data-testid="analysis-status" data-active={active}>
      <span className="status-label">AI</span>
      {total > 0 && (
        <>
          <ProgressMeter label="Analysis progress" value={settled} max={total} running={active} />
          <span data-testid="analysis-progress-text">
            {settled.toLocaleString()} / {total.toLocaleString()}
          </span>
        </>
      )}
      {active && !progress.holdReason && (
        <>
          <span className="muted">{progress.rate.toFixed(1)} images/s</span>
          {progress.etaSeconds !== null && <span className="muted">ETA {formatDuration(progress.etaSeconds)}</span>}
          {progress.currentFile && (
            <span className="current-file muted" title={progress.currentFile} data-testid="analysis-current-file">
              {progress.currentFile}
            </span>
          )}
        </>
      )}
      {active && progress.holdReason && (
        <span className="hold-reason warning-text" title={progress.holdReason} data-testid="analysis-hold-reason">
          {progress.paused ? 'Paused' : `Waiting: ${progress.holdReason}`}
        </span>
      )}
      {active &&
        (progress.paused ? (
          <button type="button" className="compact" onClick={() => resume.mutate({})} disabled={resume.isPending}>
            Resume
          </button>
        ) : (
          <button type="button" className="compact" onClick={() => pause.mutate({})} disabled={pause.isPending}>
            Pause
          </button>
        ))}
      {active && (
        <button type="button" className="compact" onClick={() => cancel.mutate({})} disabled={cancel.isPending}>
          Cancel
        </button>
      )}
      <BudgetBadge progress={progress} />
      {progress.failed > 0 && (
        <PopoverButton
          label={`${progress.failed} failed`}
          className="warning compact"
          data-testid="analysis-failures-button"
          align="right"
          placement="above"
        >
          <FailedJobList />
        </PopoverButton>
      )}
      {error && <span className="error-text small">{error.message}</span>}
    </div>
  );
}

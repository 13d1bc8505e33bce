import { useAiSettings, useAnalysisEstimate, useApiMutation, type AnalysisTarget } from '../api';
import { BUDGET_WARN_FRACTION, BudgetMeter } from '../components/BudgetMeter';
import { Modal } from '../components/Modal';
import { RouteLink } from '../navigation/RouteLink';
import { EstimateSummary } from './EstimateSummary';
import { BatchChoice, type RunMode } from './BatchChoice';
import { useState } from 'react';
import type { CostEstimate } from '../../shared/model';

interface AnalyseDialogProps {
  target: AnalysisTarget;
  scope: 'selection' | 'search';
  onClose(): void;
}

/** Shows what a model run would cost before anything is sent; Confirm queues it. */
export function AnalyseDialog({ target, scope, onClose }: AnalyseDialogProps) {
  const settings = useAiSettings();
  const local = settings.data?.settings.analyzer === 'local';
  const estimate = useAnalysisEstimate(target, settings.isSuccess && !local);
  const start = useApiMutation('startAnalysis');
  const startBatch = useApiMutation('startBatchAnalysis');
  const [chosen, setMode] = useState<RunMode | null>(null);
  const data = estimate.data;
  // Batch is the default whenever the run can be one: it is the cheaper way to send that many.
  const mode: RunMode = chosen ?? (data?.batch.available ? 'batch' : 'on-demand');
  const pending = start.isPending || startBatch.isPending;
  const confirm = () =>
    mode === 'batch' ? startBatch.mutate(target, { onSuccess: onClose }) : start.mutate(target, { onSuccess: onClose });

  return (
    <Modal
      title={scope === 'selection' ? 'Analyse the selected images' : 'Analyse every result of this search'}
      onClose={onClose}
      testId="analyse-dialog"
    >
      {settings.error && <p className="error-text">{settings.error.message}</p>}
      {local && (
        <div className="notice" data-testid="analyse-local">
          <p>
            The analyzer chosen in Settings is the <strong>local</strong> one: it already describes every image as it is
            indexed, offline, and sends nothing anywhere.
          </p>
          <p>
            To ask a model on Amazon Bedrock, choose it in <RouteLink to="settings">Settings → AI analysis</RouteLink>.
          </p>
        </div>
      )}
      {estimate.isLoading && <p className="muted">Estimating the cost…</p>}
      {estimate.error && <p className="error-text">Could not estimate: {estimate.error.message}</p>}
      {data && (
        <>
          <EstimateSummary estimate={data} />
          <BatchChoice estimate={data} mode={mode} onChoose={setMode} />
          <BudgetMeter spentUsd={data.spentThisMonthUsd} budgetUsd={data.budgetUsd} addingUsd={runUsd(data, mode)} />
          {data.spentThisMonthUsd + runUsd(data, mode) >= data.budgetUsd ? (
            <p className="error-text small" data-testid="budget-warning">
              This run would reach the monthly budget: remote analysis pauses at 100 % until you raise the budget in
              Settings or the month ends.
            </p>
          ) : (
            data.spentThisMonthUsd + runUsd(data, mode) >= BUDGET_WARN_FRACTION * data.budgetUsd && (
              <p className="warning-text small" data-testid="budget-warning">
                This month’s spend is nearing the budget: remote analysis pauses when it reaches 100 %.
              </p>
            )
          )}
        </>
      )}
      {(start.error ?? startBatch.error) && <p className="error-text">{(start.error ?? startBatch.error)?.message}</p>}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {local ? 'Close' : 'Cancel'}
        </button>
        {!local && (
          <button
            type="button"
            className="primary"
            disabled={!data || data.images === 0 || pending}
            data-testid="analyse-confirm"
            onClick={confirm}
          >
            {confirmLabel(data?.images, mode)}
          </button>
        )}
      </div>
    </Modal>
  );
}

function confirmLabel(images: number | undefined, mode: RunMode): string {
  if (images === undefined) return 'Analyse';
  const count = `${images.toLocaleString()} ${images === 1 ? 'image' : 'images'}`;
  return mode === 'batch' ? `Start a batch job for ${count}` : `Analyse ${count}`;
}

/** What the run chosen adds to this month's spend: the batch price when it goes as a batch job. */
function runUsd(estimate: CostEstimate, mode: RunMode): number {
  return mode === 'batch' ? estimate.batch.costUsd : estimate.costUsd;
}

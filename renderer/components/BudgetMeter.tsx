import { formatUsd, percent } from './format';

interface BudgetMeterProps {
  spentUsd: number;
  budgetUsd: number;
  /** What a run about to start would add, drawn after what is already spent. */
  addingUsd?: number;
}

/** Where to start warning that remote work will soon pause. */
export const BUDGET_WARN_FRACTION = 0.8;

/** This month's model spend against the monthly budget, as a bar and in words. */
export function BudgetMeter({ spentUsd, budgetUsd, addingUsd = 0 }: BudgetMeterProps) {
  const share = (amount: number) => (budgetUsd > 0 ? Math.min(1, amount / budgetUsd) : amount > 0 ? 1 : 0);
  const after = share(spentUsd + addingUsd);
  const level = after >= 1 ? 'exceeded' : after >= BUDGET_WARN_FRACTION ? 'warn' : 'ok';
  return (
    <div className={`budget-meter ${level}`} data-testid="budget-meter" data-level={level}>
      <div
        className="budget-bar"
        role="meter"
        aria-label="Spent this month"
        aria-valuemin={0}
        aria-valuemax={budgetUsd}
        aria-valuenow={Math.min(spentUsd, budgetUsd)}
        aria-valuetext={`${formatUsd(spentUsd)} of ${formatUsd(budgetUsd)}`}
      >
        <div className="budget-spent" style={{ width: percent(share(spentUsd)) }} />
        {addingUsd > 0 && (
          <div className="budget-adding" style={{ width: percent(Math.max(0, after - share(spentUsd))) }} />
        )}
      </div>
      <span className="small">
        {formatUsd(spentUsd)} of {formatUsd(budgetUsd)} this month
        {budgetUsd > 0 && ` (${percent(spentUsd / budgetUsd)})`}
        {addingUsd > 0 && <span className="muted"> · this run ≈ {formatUsd(addingUsd)}</span>}
      </span>
    </div>
  );
}

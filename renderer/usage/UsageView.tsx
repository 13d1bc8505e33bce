import { useState } from 'react';
import { useUsageReport } from '../api';
import { BudgetMeter } from '../components/BudgetMeter';
import { NotSentList } from './NotSentList';
import { TeamSpendTable } from './TeamSpendTable';
import { UsageCharts } from './UsageCharts';
import { UsageTable } from './UsageTable';

const RANGES = [7, 30, 90] as const;

/**
 * What model calls cost and how they went: this month against the budget, then per day and per
 * model; requests refused on this computer are listed apart, as they are not calls.
 */
export function UsageView() {
  const [days, setDays] = useState<(typeof RANGES)[number]>(30);
  const report = useUsageReport(days);
  const data = report.data;
  return (
    <main className="page" data-testid="usage-view">
      <div className="page-body wide">
        <header className="page-header">
          <h1>Usage</h1>
          <div className="segmented" role="group" aria-label="Range">
            {RANGES.map((range) => (
              <button key={range} type="button" aria-pressed={days === range} onClick={() => setDays(range)}>
                {range} days
              </button>
            ))}
          </div>
        </header>
        {report.error && <p className="error-text">Could not load usage: {report.error.message}</p>}
        {report.isLoading && <p className="muted">Loading…</p>}
        {data && (
          <>
            <section className="settings-section" aria-label="This month">
              <h2>This month</h2>
              <BudgetMeter spentUsd={data.spentThisMonthUsd} budgetUsd={data.budgetUsd} />
            </section>
            {data.team && <TeamSpendTable team={data.team} />}
            {data.models.length === 0 ? (
              <p className="empty-usage muted" data-testid="usage-empty">
                No calls reached Amazon Bedrock in the last {days} days. Calls appear here once you analyse images with
                a model or test the connection in Settings.
              </p>
            ) : (
              <>
                <UsageTable models={data.models} />
                <UsageCharts report={data} days={days} />
              </>
            )}
            {data.notSent.length > 0 && <NotSentList rows={data.notSent} />}
          </>
        )}
      </div>
    </main>
  );
}

import type { AttributeField } from '../../shared/model';
import { useQualityReport } from '../api';
import { percent } from '../components/format';
import { FIELD_LABELS } from '../detail/ModelAttributeList';
import { modelLabel } from '../review/model-label';
import { ApprovedExport } from './ApprovedExport';
import { BarChart, type BarRow } from './BarChart';
import { BestValueTable } from './BestValueTable';
import { DistillationExport } from './DistillationExport';
import { HighlightsSummary } from './HighlightsSummary';
import { LocalConfusionTable } from './LocalConfusionTable';
import { ReviewerChanges } from './ReviewerChanges';
import { counted, decisionBars, formatHours, totals } from './quality-figures';

const fieldLabel = (key: string) => FIELD_LABELS[key as AttributeField] ?? key;
const STACKED = ['accepted', 'edited', 'rejected'] as const;

/** How far the models (and the local analyzer) can be trusted, from what people decided; and the exports of what was approved. */
export function QualityView() {
  const report = useQualityReport();
  const data = report.data;
  const sum = data && totals(data);

  const edits: BarRow[] = (data?.byField ?? []).map((row) => ({
    key: row.key,
    label: fieldLabel(row.key),
    segments: [{ kind: 'edited', value: row.edited }],
    note: String(row.edited),
  }));
  const throughput: BarRow[] = (data?.reviewers ?? []).map((r) => ({
    key: r.reviewer,
    label: r.reviewer,
    segments: [{ kind: 'value', value: r.itemsPerHour ?? 0 }],
    note:
      `${r.itemsPerHour ?? '–'} items/h · ${counted(r.items, 'item')}, ` +
      `${counted(r.decisions, 'decision')} in ${formatHours(r.hours)}`,
  }));
  const agreement: BarRow[] = (data?.agreement ?? []).map((a) => ({
    key: a.reviewers.join(' + '),
    label: a.reviewers.join(' & '),
    segments: [{ kind: 'value', value: (a.rate ?? 0) * 100 }],
    note: `${a.rate === null ? '–' : percent(a.rate)} agree on ${counted(a.fields, 'field')}`,
  }));

  return (
    <main className="page" data-testid="quality-view">
      <div className="page-body wide">
        <header className="page-header">
          <h1>Quality</h1>
        </header>
        {report.error && <p className="error-text">Could not load the quality report: {report.error.message}</p>}
        {report.isLoading && <p className="muted">Loading…</p>}
        {data && sum && (
          <>
            <section className="quality-summary" aria-label="Summary" data-testid="quality-summary">
              <div className="figure">
                <span className="figure-value" data-testid="quality-decided">
                  {sum.decided}
                </span>
                <span className="figure-label">fields decided</span>
              </div>
              <div className="figure">
                <span className="figure-value" data-testid="quality-acceptance">
                  {sum.acceptanceRate === null ? '–' : percent(sum.acceptanceRate)}
                </span>
                <span className="figure-label">accepted as the model said</span>
              </div>
              <div className="figure">
                <span className="figure-value" data-testid="quality-edited">
                  {sum.edited}
                </span>
                <span className="figure-label">edited by a reviewer</span>
              </div>
              <div className="figure">
                <span className="figure-value" data-testid="quality-rejected">
                  {sum.rejected}
                </span>
                <span className="figure-label">rejected</span>
              </div>
            </section>
            {sum.decided === 0 && (
              <p className="muted">
                No decisions yet: figures appear here as reviewers accept, edit and reject model answers in Review.
              </p>
            )}
            <section className="settings-section quality-charts" aria-label="Acceptance">
              <h2>Acceptance</h2>
              <BarChart
                title="By model"
                rows={decisionBars(data.byModel, modelLabel)}
                legend={[...STACKED]}
                proportional
                testId="quality-by-model"
              />
              <BarChart
                title="By attribute"
                rows={decisionBars(data.byField, fieldLabel)}
                legend={[...STACKED]}
                proportional
                testId="quality-by-field"
              />
              <BarChart title="Edits per field" rows={edits} testId="quality-edits" />
            </section>
            <section className="settings-section" aria-label="What reviewers change">
              <h2>What reviewers change</h2>
              <HighlightsSummary state={data.highlightsSummary} />
              <ReviewerChanges highlights={data.highlights} />
            </section>
            <section className="settings-section" aria-label="Best value per attribute">
              <h2>Best value per attribute</h2>
              <p className="small muted">
                Acceptances per dollar spent on each model's answers for the items reviewed.
              </p>
              <BestValueTable rows={data.acceptedPerDollar} />
            </section>
            <section className="settings-section" aria-label="Local analyzer corrections">
              <h2>Local analyzer, as people corrected it</h2>
              <LocalConfusionTable report={data} />
            </section>
            <section className="settings-section quality-charts" aria-label="Reviewers">
              <h2>Reviewers</h2>
              <BarChart title="Throughput (items per hour)" rows={throughput} testId="quality-throughput" />
              <BarChart
                title="Agreement between two reviewers (same field of the same item)"
                rows={agreement}
                max={100}
                testId="quality-agreement"
              />
            </section>
          </>
        )}
        <section className="settings-section" aria-label="Export">
          <h2>Export</h2>
          <ApprovedExport />
          <DistillationExport />
        </section>
      </div>
    </main>
  );
}

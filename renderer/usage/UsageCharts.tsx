import { useMemo } from 'react';
import type { UsageReport } from '../../shared/model';
import { TimeSeriesChart } from '../components/TimeSeriesChart';
import { formatMs, formatUsd } from '../components/format';
import { dayToSeconds, rangeDays, seriesPerModel } from './usage-series';

const formatCalls = (value: number) => String(Math.round(value * 10) / 10);
const formatLatency = (value: number) => formatMs(value);
const NO_CALLS = 'No calls yet';

/** Cost, calls and latency per day, one line per model (latency: p50 solid, p95 dashed). */
export function UsageCharts({ report, days }: { report: UsageReport; days: number }) {
  const charts = useMemo(() => {
    const range = [...new Set([...rangeDays(days, Date.now()), ...report.days.map((r) => r.day)])].sort();
    const models = report.models.map((m) => m.modelId);
    return {
      x: range.map(dayToSeconds),
      cost: seriesPerModel(report.days, models, range, (r) => r.costUsd, 0),
      calls: seriesPerModel(report.days, models, range, (r) => r.calls, 0),
      latency: [
        ...seriesPerModel(report.days, models, range, (r) => r.latencyP50Ms, null, { suffix: ' p50' }),
        ...seriesPerModel(report.days, models, range, (r) => r.latencyP95Ms, null, { suffix: ' p95', dash: [6, 4] }),
      ],
    };
  }, [report, days]);

  return (
    <div className="usage-charts" data-testid="usage-charts">
      <TimeSeriesChart
        title="Cost per day (USD)"
        x={charts.x}
        series={charts.cost}
        formatValue={formatUsd}
        emptyText={NO_CALLS}
      />
      <TimeSeriesChart
        title="Calls per day"
        x={charts.x}
        series={charts.calls}
        formatValue={formatCalls}
        emptyText={NO_CALLS}
      />
      <TimeSeriesChart
        title="Latency per day (p50, p95)"
        x={charts.x}
        series={charts.latency}
        formatValue={formatLatency}
        emptyText="No answers yet: latency is measured on answered calls."
      />
    </div>
  );
}

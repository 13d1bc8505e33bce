/**
 * Calls, tokens, cost and latency per model and per day, from the invocation log. Only requests
 * that reached the service count as calls; those refused on this machine are counted apart.
 */
import type { Invocation, NotSentRow, UsageReport, UsageRow } from '../../shared/model/ai';
import { notSentReason } from './invocation-reach';
import { roundUsd } from './pricing';

const DAY_MS = 86_400_000;

export function usageReport(
  log: readonly Invocation[],
  days: number,
  now: number,
  spentThisMonthUsd: number,
  budgetUsd: number,
): Omit<UsageReport, 'team'> {
  const since = now - days * DAY_MS;
  const recent = log.filter((c) => c.at >= since);
  const sent = recent.filter((c) => notSentReason(c) === null);
  const byDay = groupRows(sent, (c) => `${new Date(c.at).toISOString().slice(0, 10)}\n${c.modelId}`);
  const byModel = groupRows(sent, (c) => `all\n${c.modelId}`);
  return {
    days: byDay.sort((a, b) => a.day.localeCompare(b.day) || a.modelId.localeCompare(b.modelId)),
    models: byModel.sort((a, b) => b.costUsd - a.costUsd),
    notSent: notSentRows(recent),
    spentThisMonthUsd: roundUsd(spentThisMonthUsd),
    budgetUsd,
  };
}

function groupRows(calls: readonly Invocation[], key: (c: Invocation) => string): UsageRow[] {
  const groups = new Map<string, Invocation[]>();
  for (const call of calls) {
    const k = key(call);
    const group = groups.get(k);
    if (group) group.push(call);
    else groups.set(k, [call]);
  }
  return [...groups].map(([k, group]) => {
    const [day, modelId] = k.split('\n');
    const latencies = group
      .filter((c) => c.outcome === 'ok' || c.outcome === 'invalid')
      .map((c) => c.latencyMs)
      .sort((a, b) => a - b);
    return {
      day,
      modelId,
      calls: group.length,
      failures: group.filter((c) => c.outcome !== 'ok').length,
      inputTokens: sum(group, (c) => c.inputTokens),
      outputTokens: sum(group, (c) => c.outputTokens),
      costUsd: roundUsd(sum(group, (c) => c.costUsd)),
      latencyP50Ms: percentile(latencies, 0.5),
      latencyP95Ms: percentile(latencies, 0.95),
    };
  });
}

function notSentRows(log: readonly Invocation[]): NotSentRow[] {
  const rows = new Map<string, NotSentRow>();
  for (const request of log) {
    const reason = notSentReason(request);
    if (!reason) continue;
    const key = `${request.modelId}\n${reason}`;
    const row = rows.get(key) ?? { modelId: request.modelId, reason, count: 0, lastAt: -Infinity, detail: null };
    row.count++;
    if (request.at >= row.lastAt) {
      row.lastAt = request.at;
      // Older records' messages could name fixes this mode lacks: only a current message is repeated.
      row.detail = request.notSent === undefined ? null : request.detail;
    }
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.lastAt - a.lastAt);
}

function sum(calls: readonly Invocation[], value: (c: Invocation) => number): number {
  return calls.reduce((total, c) => total + value(c), 0);
}

/** Nearest-rank percentile of sorted values; null when there are none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

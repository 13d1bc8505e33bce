import type { QualityReport, QualityRow } from '../../shared/model';
import { percent } from '../components/format';
import type { BarRow } from './BarChart';

/** "1 field", "2 fields". */
export const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Reviewing time as people say it: minutes under an hour. */
export const formatHours = (hours: number) =>
  hours < 1 ? `${Math.max(1, Math.round(hours * 60))} min` : `${hours.toFixed(1)} h`;

export function decisionBars(rows: readonly QualityRow[], label: (key: string) => string = (key) => key): BarRow[] {
  return rows.map((row) => {
    const total = row.accepted + row.edited + row.rejected;
    return {
      key: row.key,
      label: label(row.key),
      title: row.key,
      segments: [
        { kind: 'accepted', value: row.accepted },
        { kind: 'edited', value: row.edited },
        { kind: 'rejected', value: row.rejected },
      ],
      note: `${row.acceptanceRate === null ? '–' : percent(row.acceptanceRate)} accepted of ${total}`,
    };
  });
}

export interface QualityTotals {
  decided: number;
  accepted: number;
  edited: number;
  rejected: number;
  acceptanceRate: number | null;
}

/** Fields decided in all (each item's standing decision per field), summed over the fields. */
export function totals(report: QualityReport): QualityTotals {
  const sum = (pick: (row: QualityRow) => number) => report.byField.reduce((s, row) => s + pick(row), 0);
  const accepted = sum((r) => r.accepted);
  const edited = sum((r) => r.edited);
  const rejected = sum((r) => r.rejected);
  const decided = accepted + edited + rejected;
  return { decided, accepted, edited, rejected, acceptanceRate: decided ? accepted / decided : null };
}

export interface BestValue {
  field: string;
  best: QualityReport['acceptedPerDollar'][number];
  others: QualityReport['acceptedPerDollar'];
}

/** Per attribute, the model with the most acceptances per dollar (the one routing should prefer); unpriced answers rank last. */
export function bestValuePerField(rows: QualityReport['acceptedPerDollar']): BestValue[] {
  const byField = new Map<string, QualityReport['acceptedPerDollar']>();
  for (const row of rows) byField.set(row.field, [...(byField.get(row.field) ?? []), row]);
  return [...byField].map(([field, candidates]) => {
    const ranked = [...candidates].sort((a, b) => (b.perDollar ?? -1) - (a.perDollar ?? -1) || b.accepted - a.accepted);
    return { field, best: ranked[0], others: ranked.slice(1) };
  });
}

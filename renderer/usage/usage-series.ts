import type { UsageRow } from '../../shared/model';
import type { ChartSeries } from '../components/TimeSeriesChart';

const DAY_MS = 86_400_000;

/** Distinct, and readable on both the light and the dark panel. */
const MODEL_COLOURS = ['#3b82f6', '#f97316', '#10b981', '#e11d48', '#8b5cf6', '#eab308', '#06b6d4'];

/** Every UTC day of the range, oldest first, so quiet days show as zero rather than vanish. */
export function rangeDays(days: number, now: number): string[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

export const dayToSeconds = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 1000;

function modelColour(models: readonly string[], modelId: string): string {
  return MODEL_COLOURS[Math.max(0, models.indexOf(modelId)) % MODEL_COLOURS.length];
}

/** One series per model over `days`; `missing` is what a day without a row counts as. */
export function seriesPerModel(
  rows: readonly UsageRow[],
  models: readonly string[],
  days: readonly string[],
  pick: (row: UsageRow) => number | null,
  missing: number | null,
  style: { suffix?: string; dash?: number[] } = {},
): ChartSeries[] {
  return models.map((modelId) => {
    const byDay = new Map(rows.filter((r) => r.modelId === modelId).map((r) => [r.day, pick(r)]));
    return {
      label: `${modelId}${style.suffix ?? ''}`,
      values: days.map((day) => byDay.get(day) ?? missing),
      colour: modelColour(models, modelId),
      dash: style.dash,
    };
  });
}

import type { OpeningProgress } from '../../shared/api';
import { formatDuration } from './format';

const STAGE_LABELS: Record<OpeningProgress['stage'], string> = {
  reading: 'Reading your library',
  indexing: 'Indexing your library',
  // A library saved by an older version is rewritten once, on its first open.
  writing: 'Updating your library to the new format',
};

export const openingStageLabel = (progress: OpeningProgress | null): string =>
  progress ? STAGE_LABELS[progress.stage] : 'Opening your library';

export interface OpeningFigures {
  /** Whole percent, or null while the size is not known. */
  percent: number | null;
  /** "120 / 400 MB" */
  amount: string;
  /** "12.5 MB/s", or null until a rate has been measured. */
  rate: string | null;
  /** "about 25s left", or null until it can be estimated. */
  timeLeft: string | null;
}

const amountFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const rateFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function openingFigures(progress: OpeningProgress): OpeningFigures {
  const { done, total, unit, rate, etaSeconds } = progress;
  return {
    percent: total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : null,
    amount: `${amountFormat.format(done)} / ${amountFormat.format(total)} ${unit}`,
    rate: rate > 0 ? `${rateFormat.format(rate)} ${unit}/s` : null,
    timeLeft: etaSeconds !== null && etaSeconds > 0 ? `about ${formatDuration(etaSeconds)} left` : null,
  };
}

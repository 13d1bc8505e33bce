import type { StoreOpenProgress } from '../store';
import { ProgressBar } from './progress-bar';
import { StageRate } from '../jobs';

/** A library that opens quicker than this shows no bar at all. */
const QUIET_MS = 1000;

/**
 * Progress bars for opening the library: reading it, indexing it, then (after a migration) writing
 * it out in the current layout, each with rate and ETA. Only once opening has taken a second, so a usual
 * open prints nothing.
 */
export function storeProgressBars(now: () => number = Date.now): {
  update(progress: StoreOpenProgress): void;
  stop(): void;
} {
  const startedAt = now();
  // Every report is measured, shown or not, so a bar that appears after a second has the whole stage's rate.
  const meter = new StageRate(now);
  let stage: { name: StoreOpenProgress['stage']; bar: ProgressBar } | null = null;
  const labels = {
    reading: 'Opening the library',
    indexing: 'Indexing the library',
    writing: 'Writing the library in its new layout',
  } as const;
  return {
    update(progress) {
      const { rate, etaSeconds } = meter.measure(progress);
      if (now() - startedAt < QUIET_MS && progress.done < progress.total) return;
      if (stage?.name !== progress.stage) {
        stage?.bar.stop();
        stage = { name: progress.stage, bar: new ProgressBar(labels[progress.stage], progress.unit) };
      }
      stage.bar.update({ done: progress.done, failed: 0, total: progress.total, rate, etaSeconds, currentFile: null });
    },
    stop() {
      stage?.bar.stop();
      stage = null;
    },
  };
}

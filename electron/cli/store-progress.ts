import type { StoreOpenProgress } from '../store';
import { ProgressBar } from './progress-bar';

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
  let stage: { name: StoreOpenProgress['stage']; bar: ProgressBar; since: number; from: number } | null = null;
  const labels = {
    reading: 'Opening the library',
    indexing: 'Indexing the library',
    writing: 'Writing the library in its new layout',
  } as const;
  return {
    update(progress) {
      if (now() - startedAt < QUIET_MS && progress.done < progress.total) return;
      if (stage?.name !== progress.stage) {
        stage?.bar.stop();
        const bar = new ProgressBar(labels[progress.stage], progress.unit);
        stage = { name: progress.stage, bar, since: now(), from: progress.done };
      }
      const seconds = Math.max((now() - stage.since) / 1000, 0.001);
      // From where the bar began: a bar that appears after a second has not seen the first part.
      const rate = (progress.done - stage.from) / seconds;
      stage.bar.update({
        done: progress.done,
        failed: 0,
        total: progress.total,
        rate,
        etaSeconds: rate > 0 ? (progress.total - progress.done) / rate : null,
        currentFile: null,
      });
    },
    stop() {
      stage?.bar.stop();
      stage = null;
    },
  };
}

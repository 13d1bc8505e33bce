import type { ApiEvent } from '../../shared/api';
import type { AnalysisProgress, IngestProgress } from '../../shared/model';
import type { ExtractionOutcome } from '../analysis';
import type { Engine } from '../engine';
import type { LibraryChange } from '../library';
import { LatestOnly } from './latest-only';
import { hashesChangedBy } from './team-events';
import type { LibraryOp } from '../store';
import type { BatchJob, StorageHealth, TeamStatus } from '../../shared/model';

export interface ApiEventTiming {
  /** Shortest gap between progress events (ingest emits one per file). */
  progressIntervalMs: number;
  /** Changed paths are collected this long and sent as one assetsChanged event. */
  changeBatchMs: number;
}

const DEFAULT_TIMING: ApiEventTiming = { progressIntervalMs: 250, changeBatchMs: 150 };

type Listener = (event: ApiEvent) => void;

/**
 * Turns the engine's fine-grained events into the few live events the UI needs, shaped for
 * the contract and rate-limited, then fans them out to any number of transports.
 */
export class ApiEventFeed {
  private readonly listeners = new Set<Listener>();
  private readonly timing: ApiEventTiming;
  private readonly ingestProgress: LatestOnly<IngestProgress>;
  private readonly analysisProgress: LatestOnly<AnalysisProgress>;
  private changedPaths = new Set<string>();
  private changeTimer: NodeJS.Timeout | null = null;
  /**
   * The end of a run goes out at once: throttled, "3 of 3 done" could be replaced by the next
   * run's "1 of 1 done" (a file the watcher reported just after), and nobody would see the three.
   */
  private readonly onProgress = (progress: IngestProgress) =>
    progress.running ? this.ingestProgress.push(progress) : this.ingestProgress.pushNow(progress);
  private readonly onAnalysisProgress = (progress: AnalysisProgress) => this.analysisProgress.push(progress);
  private readonly onAnalysed = (outcomes: ExtractionOutcome[]) =>
    this.emit({ type: 'analysesChanged', hashes: outcomes.map((o) => o.hash) });
  private readonly onChange = (change: LibraryChange) => this.change(change);
  private readonly onBatchAnalysed = (hashes: string[]) => this.emit({ type: 'analysesChanged', hashes });
  private readonly onBatchJob = (job: BatchJob) => this.emit({ type: 'batchJob', job });
  private readonly onAdsChanged = (campaignId: string) => this.emit({ type: 'adsChanged', campaignId });
  private readonly onTeamStatus = (status: TeamStatus) => this.emit({ type: 'teamStatus', status });
  private readonly onStorage = (storage: StorageHealth) => this.emit({ type: 'storage', storage });
  private readonly onModelText = (streamId: string, text: string) => this.emit({ type: 'modelText', streamId, text });
  private readonly onTeamChanges = (ops: LibraryOp[]) =>
    this.emit({ type: 'teamChanges', hashes: hashesChangedBy(ops) });

  constructor(
    private readonly engine: Engine,
    timing: Partial<ApiEventTiming> = {},
  ) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
    this.ingestProgress = new LatestOnly(this.timing.progressIntervalMs, (progress) =>
      this.emit({ type: 'progress', progress }),
    );
    this.analysisProgress = new LatestOnly(this.timing.progressIntervalMs, (progress) =>
      this.emit({ type: 'analysisProgress', progress }),
    );
    engine.library.on('progress', this.onProgress);
    engine.library.on('change', this.onChange);
    engine.analysis.queue.on('progress', this.onAnalysisProgress);
    engine.analysis.on('analysed', this.onAnalysed);
    engine.analysis.batch.on('analysed', this.onBatchAnalysed);
    engine.analysis.batch.on('changed', this.onBatchJob);
    engine.ads.queue.on('changed', this.onAdsChanged);
    engine.team?.on('status', this.onTeamStatus);
    engine.team?.on('applied', this.onTeamChanges);
    engine.store.storage.on('changed', this.onStorage);
    engine.analysis.streams.on('text', this.onModelText);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For changes the Library does not announce itself (folders added or removed through the API). */
  foldersChanged(): void {
    this.emit({ type: 'foldersChanged' });
  }

  close(): void {
    this.engine.library.off('progress', this.onProgress);
    this.engine.library.off('change', this.onChange);
    this.engine.analysis.queue.off('progress', this.onAnalysisProgress);
    this.engine.analysis.off('analysed', this.onAnalysed);
    this.engine.analysis.batch.off('analysed', this.onBatchAnalysed);
    this.engine.analysis.batch.off('changed', this.onBatchJob);
    this.engine.ads.queue.off('changed', this.onAdsChanged);
    this.engine.team?.off('status', this.onTeamStatus);
    this.engine.team?.off('applied', this.onTeamChanges);
    this.engine.store.storage.off('changed', this.onStorage);
    this.engine.analysis.streams.off('text', this.onModelText);
    this.ingestProgress.close();
    this.analysisProgress.close();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.listeners.clear();
  }

  private change(change: LibraryChange): void {
    if (change.kind === 'folder') return this.foldersChanged();
    if (change.kind === 'ingested' && change.outcome.kind === 'unchanged') return;
    this.changedPaths.add(change.path);
    this.changeTimer ??= setTimeout(() => {
      this.changeTimer = null;
      const paths = [...this.changedPaths];
      this.changedPaths = new Set();
      this.emit({ type: 'assetsChanged', paths });
    }, this.timing.changeBatchMs);
  }

  private emit(event: ApiEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken transport (a closed socket, a destroyed window) must not starve the others.
      }
    }
  }
}

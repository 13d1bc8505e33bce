import type { ApiEvent } from '../../shared/api';
import type { IngestProgress } from '../../shared/model';
import type { Library, LibraryChange } from '../library';

export interface ApiEventTiming {
  /** Shortest gap between progress events (ingest emits one per file). */
  progressIntervalMs: number;
  /** Changed paths are collected this long and sent as one assetsChanged event. */
  changeBatchMs: number;
}

const DEFAULT_TIMING: ApiEventTiming = { progressIntervalMs: 250, changeBatchMs: 150 };

type Listener = (event: ApiEvent) => void;

/**
 * Turns a Library's fine-grained events into the few live events the UI needs, shaped for
 * the contract and rate-limited, then fans them out to any number of transports.
 */
export class ApiEventFeed {
  private readonly listeners = new Set<Listener>();
  private readonly timing: ApiEventTiming;
  private lastProgressAt = 0;
  private pendingProgress: IngestProgress | null = null;
  private progressTimer: NodeJS.Timeout | null = null;
  private changedPaths = new Set<string>();
  private changeTimer: NodeJS.Timeout | null = null;
  private readonly onProgress = (progress: IngestProgress) => this.progress(progress);
  private readonly onChange = (change: LibraryChange) => this.change(change);

  constructor(private readonly library: Library, timing: Partial<ApiEventTiming> = {}) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
    library.on('progress', this.onProgress);
    library.on('change', this.onChange);
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
    this.library.off('progress', this.onProgress);
    this.library.off('change', this.onChange);
    if (this.progressTimer) clearTimeout(this.progressTimer);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.listeners.clear();
  }

  /** Leading and trailing edge: the first and the latest progress always get through. */
  private progress(progress: IngestProgress): void {
    this.pendingProgress = progress;
    if (this.progressTimer) return;
    const wait = this.lastProgressAt + this.timing.progressIntervalMs - Date.now();
    if (wait <= 0) return this.flushProgress();
    this.progressTimer = setTimeout(() => this.flushProgress(), wait);
  }

  private flushProgress(): void {
    this.progressTimer = null;
    if (!this.pendingProgress) return;
    this.lastProgressAt = Date.now();
    const progress = this.pendingProgress;
    this.pendingProgress = null;
    this.emit({ type: 'progress', progress });
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

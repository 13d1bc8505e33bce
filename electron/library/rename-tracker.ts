import path from 'node:path';
import type { LibraryStore } from '../store';
import type { IngestOutcome } from './ingest-file';

/** A watcher reports a rename as unlink + add; removals wait this long for the matching add. */
const RENAME_WINDOW_MS = 1500;

/**
 * Turns "removed, then the same bytes appeared elsewhere" into a move, so a renamed or
 * moved file keeps its asset (tags, review status) instead of being deleted and re-analysed.
 */
export class RenameTracker {
  private readonly pending = new Map<string, { hash: string | null; timer: NodeJS.Timeout }>();
  private waiters: Array<() => void> = [];

  constructor(
    private readonly store: LibraryStore,
    private readonly onRemoved: (path: string) => void,
    /** Whether the file's library folder is offline: its files are not lost, only out of reach. */
    private readonly isOffline: (path: string) => boolean = () => false,
  ) {}

  removed(filePath: string): void {
    const record = this.store.getFile(filePath);
    if (!record || this.pending.has(filePath)) return;
    const timer = setTimeout(() => this.commit(filePath), RENAME_WINDOW_MS);
    this.pending.set(filePath, { hash: record.hash, timer });
  }

  async ingest(filePath: string, run: () => Promise<IngestOutcome>): Promise<IngestOutcome> {
    const outcome = await run();
    if (outcome.kind === 'known' || outcome.kind === 'new') {
      for (const [oldPath, entry] of this.pending) {
        if (entry.hash === outcome.hash && oldPath !== filePath) {
          clearTimeout(entry.timer);
          this.commit(oldPath);
          break;
        }
      }
    }
    return outcome;
  }

  /** Forgets pending removals under a folder: used when a whole library folder vanished (kept as missing). */
  cancelUnder(folder: string): void {
    for (const [filePath, entry] of this.pending) {
      if (filePath.startsWith(folder + path.sep)) {
        clearTimeout(entry.timer);
        this.pending.delete(filePath);
      }
    }
    if (this.pending.size === 0) for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Resolves once every pending removal has been applied. */
  settled(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Applies pending removals now (on close). */
  flush(): void {
    for (const [filePath, entry] of this.pending) {
      clearTimeout(entry.timer);
      this.commit(filePath);
    }
  }

  private commit(filePath: string): void {
    this.pending.delete(filePath);
    // The watcher's removals for a folder that dropped can outlast the moment it was found offline.
    if (!this.isOffline(filePath)) {
      this.store.removeFile(filePath);
      this.onRemoved(filePath);
    }
    if (this.pending.size === 0) {
      for (const resolve of this.waiters.splice(0)) resolve();
    }
  }
}

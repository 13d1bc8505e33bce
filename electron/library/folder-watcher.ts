import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isIgnoredPath, isImageFile } from './file-rules';

export interface FolderWatcherHandlers {
  fileAdded(path: string): void;
  fileChanged(path: string): void;
  fileRemoved(path: string): void;
  folderRemoved(path: string): void;
  /** A folder appeared (an unzip, a copied folder): its files may outrun the events. */
  folderAdded(path: string): void;
  error(path: string | null, reason: string): void;
}

/** How long a file must go without a write event (and keep its size) before it is ingested, so half-copied files are not read. */
const WRITE_SETTLE_MS = 250;

type Arrival = 'added' | 'changed';

/**
 * Live watching of library folders with chokidar (inotify/FSEvents/ReadDirectoryChangesW),
 * reporting only image files; the initial scan is the scanner's job. Links are reported, not
 * followed: ingest checks where they lead.
 */
export class FolderWatcher {
  private readonly watcher: FSWatcher;
  private readonly ready: Promise<void>;
  /** Files being written: reported once they settle. Timers, not stat polling: an unzip of 2,000 files stays cheap. */
  private readonly settling = new Map<string, { arrival: Arrival; timer: NodeJS.Timeout; size: number }>();

  /**
   * `skipped`: folders inside library folders that are never library content (the data
   * folder, where it appears under a folder the user added, such as their home folder).
   */
  constructor(
    private readonly roots: string[],
    handlers: FolderWatcherHandlers,
    private readonly skipped: string[] = [],
  ) {
    this.watcher = watch(roots, {
      ignoreInitial: true,
      followSymlinks: false,
      ignored: (p) => this.isIgnored(p),
      alwaysStat: true,
    });
    const settled = (p: string, arrival: Arrival) =>
      arrival === 'added' ? handlers.fileAdded(p) : handlers.fileChanged(p);
    this.watcher
      .on('add', (p, stats) => isImageFile(p) && this.settle(p, 'added', stats?.size ?? -1, settled))
      .on('change', (p, stats) => isImageFile(p) && this.settle(p, 'changed', stats?.size ?? -1, settled))
      .on('unlink', (p) => {
        if (!isImageFile(p)) return;
        this.forget(p);
        handlers.fileRemoved(p);
      })
      .on('unlinkDir', (p) => handlers.folderRemoved(p))
      .on('addDir', (p) => handlers.folderAdded(p))
      .on('error', (error) => handlers.error(null, `watching failed: ${(error as Error).message}`));
    this.ready = new Promise((resolve) => this.watcher.once('ready', () => resolve()));
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Watched already: a folder asked for twice (another team member added it too) is watched once. */
  has(root: string): boolean {
    return this.roots.includes(root);
  }

  add(root: string, skipped: string[] = []): void {
    if (this.has(root)) return;
    this.roots.push(root);
    this.skipped.push(...skipped);
    this.watcher.add(root);
  }

  unwatch(root: string): void {
    if (this.has(root)) this.roots.splice(this.roots.indexOf(root), 1);
    this.watcher.unwatch(root);
  }

  close(): Promise<void> {
    for (const path of [...this.settling.keys()]) this.forget(path);
    return this.watcher.close();
  }

  /** Reports the file once no write event has come for WRITE_SETTLE_MS and its size held. */
  private settle(filePath: string, arrival: Arrival, size: number, report: (p: string, a: Arrival) => void): void {
    const pending = this.settling.get(filePath);
    if (pending) clearTimeout(pending.timer);
    // An added file stays "added" through the writes that follow its creation.
    const kind = pending?.arrival ?? arrival;
    const timer = setTimeout(() => {
      this.settling.delete(filePath);
      stat(filePath).then(
        (now) => (now.size === size ? report(filePath, kind) : this.settle(filePath, kind, now.size, report)),
        () => undefined, // gone before it settled: its unlink event says so
      );
    }, WRITE_SETTLE_MS);
    timer.unref();
    this.settling.set(filePath, { arrival: kind, timer, size });
  }

  private forget(filePath: string): void {
    const pending = this.settling.get(filePath);
    if (pending) clearTimeout(pending.timer);
    this.settling.delete(filePath);
  }

  private isIgnored(filePath: string): boolean {
    // The innermost root decides: the demo library is a root of its own inside the skipped data folder.
    const root = this.roots.filter((r) => isUnder(filePath, r)).sort((a, b) => b.length - a.length)[0];
    if (root === undefined) return false;
    if (this.skipped.some((folder) => isUnder(filePath, folder) && !isUnder(root, folder))) return true;
    return isIgnoredPath(filePath, root);
  }
}

function isUnder(filePath: string, folder: string): boolean {
  return filePath === folder || filePath.startsWith(folder + path.sep);
}

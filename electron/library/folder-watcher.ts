import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isIgnoredPath, isImageFile } from './file-rules';

export interface FolderWatcherHandlers {
  fileAdded(path: string): void;
  fileChanged(path: string): void;
  fileRemoved(path: string): void;
  folderRemoved(path: string): void;
  error(path: string | null, reason: string): void;
}

/** How long a file must stop growing before it is ingested, so half-copied files are not read. */
const WRITE_SETTLE_MS = 250;

/**
 * Live watching of library folders with chokidar (inotify/FSEvents/ReadDirectoryChangesW),
 * reporting only image files; the initial scan is the scanner's job. Links are reported, not
 * followed: ingest checks where they lead.
 */
export class FolderWatcher {
  private readonly watcher: FSWatcher;
  private readonly ready: Promise<void>;

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
      awaitWriteFinish: { stabilityThreshold: WRITE_SETTLE_MS, pollInterval: 50 },
    });
    this.watcher
      .on('add', (p) => isImageFile(p) && handlers.fileAdded(p))
      .on('change', (p) => isImageFile(p) && handlers.fileChanged(p))
      .on('unlink', (p) => isImageFile(p) && handlers.fileRemoved(p))
      .on('unlinkDir', (p) => handlers.folderRemoved(p))
      .on('error', (error) => handlers.error(null, `watching failed: ${(error as Error).message}`));
    this.ready = new Promise((resolve) => this.watcher.once('ready', () => resolve()));
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  add(root: string, skipped: string[] = []): void {
    this.roots.push(root);
    this.skipped.push(...skipped);
    this.watcher.add(root);
  }

  unwatch(root: string): void {
    this.watcher.unwatch(root);
  }

  close(): Promise<void> {
    return this.watcher.close();
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

import { EventEmitter } from 'node:events';
import path from 'node:path';
import { StorageUnavailableError } from '../../shared/errors';
import type { IngestProgress, LibraryFolder } from '../../shared/model';
import { cacheDirOf } from '../config/data-dir';
import { makePrivateFolder } from '../config/private-folder';
import type { LibraryStore } from '../store';
import { isInside, realRoots } from './containment';
import { FolderBounds } from './folder-bounds';
import { OfflineFolders } from './folder-reachability';
import { LibraryFolderError, partialPathRefusal } from './folder-rules';
import { scanFolder, type ScanEntry } from './folder-scanner';
import { FolderWatcher } from './folder-watcher';
import { ingestFile, needsReanalysis, type IngestClaims, type IngestContext, type IngestOutcome } from './ingest-file';
import { IngestQueue, PRIORITY } from './ingest-queue';
import { RenameTracker } from './rename-tracker';

/** A new folder is rescanned once no file has arrived in it for this long. */
const CATCH_UP_MS = 1500;

export interface LibraryOptions {
  dataDir: string;
  /** Ingest jobs run at once; default: the number of cores plus one (one decodes while another is analysed). */
  concurrency?: number;
  /** Watch library folders for changes after scanning (the app does; a one-shot CLI run does not). */
  watch?: boolean;
  pixelLimit?: number;
  /** In a team library: claims on files, so each is ingested once for the team. */
  claims?: IngestClaims;
}

/** Files queued for ingest, and links left out because they lead outside every library folder. */
export interface ScanResult {
  queued: number;
  outside: number;
}

export type LibraryChange =
  | { kind: 'ingested'; path: string; outcome: IngestOutcome }
  | { kind: 'removed'; path: string }
  | { kind: 'folder'; folder: LibraryFolder };

interface LibraryEvents {
  progress: [IngestProgress];
  change: [LibraryChange];
}

/** A library's folders, their scanner and watcher, and the ingest queue, over the store it is given. */
export class Library extends EventEmitter<LibraryEvents> {
  readonly dataDir: string;
  readonly cacheDir: string;
  /** Largest width × height decoded (previews rendered on demand use it too); undefined: the default. */
  readonly pixelLimit: number | undefined;
  readonly queue: IngestQueue;
  private watcher: FolderWatcher | null = null;
  /** Folders to rescan once they go quiet, by path. */
  private readonly catchUps = new Map<string, NodeJS.Timeout>();
  private readonly renames: RenameTracker;
  private readonly offline: OfflineFolders;
  /** Real paths of the library folders, renewed whenever the folder list may have changed. */
  private roots: Promise<string[]> = Promise.resolve([]);

  private constructor(
    readonly store: LibraryStore,
    private readonly bounds: FolderBounds,
    options: LibraryOptions,
  ) {
    super();
    this.dataDir = options.dataDir;
    this.cacheDir = cacheDirOf(options.dataDir);
    this.pixelLimit = options.pixelLimit;
    this.renewRoots();
    const context = {
      store,
      cacheDir: this.cacheDir,
      pixelLimit: options.pixelLimit,
      roots: () => this.roots,
      claims: options.claims,
      folderReachable: (p: string) => this.folderReachable(p),
    };
    this.renames = new RenameTracker(
      store,
      (p) => this.emit('change', { kind: 'removed', path: p }),
      (p) => this.isOffline(p),
    );
    this.queue = new IngestQueue(store, (p) => this.ingestJob(p, context), options.concurrency);
    this.queue.on('progress', (progress) => this.emit('progress', progress));
    this.queue.on('ingested', (p, outcome) => this.ingested(p, outcome));
    this.offline = new OfflineFolders(store, {
      letGo: (root) => {
        this.renames.cancelUnder(root);
        this.stopWatching(root);
      },
      watchAgain: (root) => {
        this.watcher?.add(root, this.bounds.skippedUnder(root));
        this.renewRoots();
      },
      rescan: (root) => this.scan(root),
      changed: (folder) => this.emit('change', { kind: 'folder', folder }),
    });
  }

  /** Resumes ingest jobs a killed process left behind and, when asked, starts watching. */
  static async open(store: LibraryStore, options: LibraryOptions): Promise<Library> {
    await makePrivateFolder(cacheDirOf(options.dataDir));
    const library = new Library(store, await FolderBounds.of(options.dataDir), options);
    library.queue.resume();
    if (options.watch) {
      library.startWatching();
      // A folder added before the folder rules and refused by them now is not scanned; the user is told why.
      // An offline folder is looked at: back, or looked for until it is.
      library.offline.lookForReturns();
      for (const folder of store.listFolders()) {
        library.scan(folder.path).catch((error: Error) => noteQuietly(store, folder.path, error.message));
      }
    }
    return library;
  }

  folders(): LibraryFolder[] {
    return this.store.listFolders();
  }

  /**
   * Adds a folder (or re-scans it if already there) and queues every new or changed image.
   * Only a full path to a folder the rules allow (see folder-rules.ts): never the data folder.
   */
  async addFolder(folderPath: string): Promise<ScanResult> {
    const root = await this.bounds.check(folderPath);
    // Already there and offline: the scan finds it back (or still offline).
    if (!this.store.listFolders().some((f) => f.path === root)) this.store.addFolder(root);
    // Not new but not watched yet: added by another member of a team library.
    this.watcher?.add(root, this.bounds.skippedUnder(root));
    return this.scan(root);
  }

  async removeFolder(folderPath: string): Promise<void> {
    const root = fullPath(folderPath);
    this.store.removeFolder(root);
    this.stopWatching(root);
  }

  /** No longer watched or read: removed here, or by another member of a team library. */
  stopWatching(root: string): void {
    this.watcher?.unwatch(root);
    this.renewRoots();
  }

  /** Re-scans a library folder (only a folder of the library: the API must not ingest arbitrary paths). */
  async rescan(folderPath: string): Promise<ScanResult> {
    const root = fullPath(folderPath);
    if (!this.store.listFolders().some((f) => f.path === root))
      throw new LibraryFolderError(`not a library folder: ${root}`);
    return this.scan(root);
  }

  /**
   * Reconciles the store with what is on disk: queues new/changed files (a file whose size and mtime
   * match its record is not read again), drops vanished ones and files that now lead outside the library.
   * Refuses a folder the folder rules refuse. A library folder that cannot be reached (see
   * folder-reachability.ts) goes offline and loses nothing; an offline one that can is back.
   */
  async scan(root: string): Promise<ScanResult> {
    const refusal = await this.bounds.refusal(root);
    if (refusal) throw new LibraryFolderError(refusal);
    const folder = this.offline.folderHolding(root)?.path;
    if (folder && !(await this.offline.reachable(folder))) return { queued: 0, outside: 0 };
    const seen = new Set<string>();
    const failures: Extract<ScanEntry, { kind: 'error' }>[] = [];
    const toIngest: string[] = [];
    let outside = 0;
    let files = 0;
    this.renewRoots();
    for await (const entry of scanFolder(root, this.bounds.scanBounds(await this.roots))) {
      if (entry.kind === 'outside') {
        outside++;
        continue;
      }
      seen.add(entry.path);
      if (entry.kind === 'error') {
        failures.push(entry);
        continue;
      }
      files++;
      const known = this.store.getFile(entry.path);
      const changed = !known || known.fileSize !== entry.fileSize || known.mtimeMs !== entry.mtimeMs;
      if (changed || needsReanalysis(this.store, known.hash)) toIngest.push(entry.path);
    }
    const sight = { files, errors: failures.map((f) => f.code) };
    if (folder && !(await this.offline.reachableAfterWalk(folder, root, sight))) return { queued: 0, outside: 0 };
    for (const failure of failures) this.store.recordError(failure.path, failure.reason);
    // Files under a folder that could not be read are not known to be gone.
    const unread = failures.map((f) => f.path);
    for (const file of this.store.listFiles(root)) {
      if (!seen.has(file.path) && !unread.some((p) => isInside(p, file.path))) this.removeFile(file.path);
    }
    this.queue.enqueue(toIngest, PRIORITY.background);
    return { queued: toIngest.length, outside };
  }

  progress(): IngestProgress {
    return this.queue.progress();
  }

  /** Resolves when every queued file has been ingested. */
  async idle(): Promise<void> {
    await this.queue.idle();
    await this.renames.settled();
  }

  /** Stops watching and ingesting (queued files stay persisted for next time); the store stays open. */
  async close(): Promise<void> {
    this.offline.close();
    for (const timer of this.catchUps.values()) clearTimeout(timer);
    this.catchUps.clear();
    await this.watcher?.close();
    await this.queue.stop();
    this.renames.flush();
  }

  startWatching(): FolderWatcher {
    const roots = this.store.listFolders().flatMap((f) => (f.state === 'missing' ? [] : [f.path]));
    this.watcher ??= new FolderWatcher(
      roots,
      {
        fileAdded: (p) => this.fileArrived(p),
        fileChanged: (p) => this.fileArrived(p),
        fileRemoved: (p) => {
          if (this.isOffline(p)) return;
          this.renames.removed(p);
          this.offline.fileVanished(p);
        },
        folderRemoved: (p) => this.folderRemoved(p),
        folderAdded: (p) => this.catchUp(p),
        error: (p, reason) => this.watchFailed(p, reason),
      },
      roots.flatMap((root) => this.bounds.skippedUnder(root)),
    );
    return this.watcher;
  }

  /**
   * A new folder (an unzip of thousands of files) can outrun the watcher's events, and a watcher can
   * fail outright: a scan of that folder once it has been quiet for a moment catches whatever was missed
   * (files already known or queued are not queued again).
   */
  private catchUp(folder: string): void {
    this.catchUps.set(folder, this.quietTimer(folder));
  }

  private fileArrived(filePath: string): void {
    this.queue.enqueue([filePath], PRIORITY.changed);
    // Still being filled: its catch-up waits until it is quiet.
    for (const folder of this.catchUps.keys())
      if (filePath.startsWith(folder + path.sep)) this.catchUps.set(folder, this.quietTimer(folder));
  }

  private quietTimer(folder: string): NodeJS.Timeout {
    clearTimeout(this.catchUps.get(folder));
    const timer = setTimeout(() => {
      this.catchUps.delete(folder);
      this.scan(folder).catch((error: Error) => noteQuietly(this.store, folder, `could not rescan: ${error.message}`));
    }, CATCH_UP_MS);
    timer.unref();
    return timer;
  }

  private watchFailed(filePath: string | null, reason: string): void {
    const folders = filePath ? [filePath] : this.store.listFolders().map((f) => f.path);
    for (const folder of folders) {
      this.store.recordError(folder, `${reason}; rescanning to catch up`);
      this.catchUp(folder);
    }
  }

  /** New bytes go to the remote analyzer too, when the user chose one. */
  private ingested(filePath: string, outcome: IngestOutcome): void {
    if (outcome.kind === 'outside') {
      // A file replaced by a link that leaves the library: its old record must not stay.
      if (this.store.getFile(filePath)) this.removeFile(filePath);
      return;
    }
    this.emit('change', { kind: 'ingested', path: filePath, outcome });
  }

  private renewRoots(): void {
    this.roots = realRoots(this.store.listFolders().map((f) => f.path));
  }

  private removeFile(filePath: string): void {
    this.store.removeFile(filePath);
    this.emit('change', { kind: 'removed', path: filePath });
  }

  private isOffline(filePath: string): boolean {
    return this.offline.folderHolding(filePath)?.state === 'missing';
  }

  private folderRemoved(folderPath: string): void {
    if (this.isOffline(folderPath)) return;
    if (this.store.listFolders().some((f) => f.path === folderPath)) {
      this.offline.goneOffline(folderPath, 'library folder disappeared while watched (deleted, moved or unmounted)');
      return;
    }
    for (const file of this.store.listFiles(folderPath)) this.renames.removed(file.path);
    this.offline.fileVanished(folderPath);
  }

  /** Files under an offline folder are not read (its queued jobs end as they come up, and are read when it is back). */
  private ingestJob(filePath: string, context: IngestContext): Promise<IngestOutcome> {
    if (this.isOffline(filePath)) return Promise.resolve({ kind: 'offline' });
    return this.renames.ingest(filePath, () => ingestFile(filePath, context));
  }

  /** Looks at the library folder holding a file whose read failed; one that cannot be reached goes offline. */
  private async folderReachable(filePath: string): Promise<boolean> {
    const folder = this.offline.folderHolding(filePath);
    return !folder || this.offline.reachable(folder.path);
  }
}

/**
 * Notes a failure of background work (a rescan on a timer). While the library cannot be written the note is
 * dropped rather than left as an unhandled rejection: the status bar already says why nothing is written.
 */
function noteQuietly(store: LibraryStore, folder: string, reason: string): void {
  try {
    store.recordError(folder, reason);
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
  }
}

/** A stored folder named by its full path, normalised as addFolder stored it. */
function fullPath(folderPath: string): string {
  const refusal = partialPathRefusal(folderPath);
  if (refusal) throw new LibraryFolderError(refusal);
  return path.resolve(folderPath);
}

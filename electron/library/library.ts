import fs from 'node:fs/promises';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import type { IngestProgress, LibraryFolder } from '../../shared/model';
import { AdStudio } from '../ads';
import { AnalysisService, noSecretStore, type SecretStore } from '../analysis';
import { cacheDirOf } from '../config/data-dir';
import { makePrivateFolder } from '../config/private-folder';
import { openLibraryStore, type LibraryStore } from '../store';
import { scanFolder } from './folder-scanner';
import { FolderWatcher } from './folder-watcher';
import { ingestFile, type IngestOutcome } from './ingest-file';
import { IngestQueue, PRIORITY } from './ingest-queue';
import { RenameTracker } from './rename-tracker';

export interface LibraryOptions {
  dataDir: string;
  /** Ingest jobs run at once; default: the number of cores plus one (one decodes while another is analysed). */
  concurrency?: number;
  /** Watch library folders for changes after scanning (the app does; a one-shot CLI run does not). */
  watch?: boolean;
  pixelLimit?: number;
  /** Where an entered AWS key pair is kept (the desktop app's OS keychain); none elsewhere. */
  secrets?: SecretStore;
  /** Start the remote analysis queue (resume jobs a previous run left); the app does, a one-shot CLI run asks for it. */
  analyse?: boolean;
  /** Remote-queue waits (tests shorten them): first probe after an outage, first backoff after throttling. */
  analysisTiming?: { holdRetryMs?: number; backoffMs?: number };
}

export type LibraryChange =
  | { kind: 'ingested'; path: string; outcome: IngestOutcome }
  | { kind: 'removed'; path: string }
  | { kind: 'folder'; folder: LibraryFolder };

interface LibraryEvents {
  progress: [IngestProgress];
  change: [LibraryChange];
}

export class LibraryFolderError extends Error {}

/** A library: its folders, the store, the ingest queue and the watcher, working together. */
export class Library extends EventEmitter<LibraryEvents> {
  readonly dataDir: string;
  readonly cacheDir: string;
  /** Largest width × height decoded (previews rendered on demand use it too); undefined: the default. */
  readonly pixelLimit: number | undefined;
  readonly queue: IngestQueue;
  readonly analysis: AnalysisService;
  readonly ads: AdStudio;
  private watcher: FolderWatcher | null = null;
  private readonly renames: RenameTracker;
  private readonly autoAnalyse: boolean;

  private constructor(readonly store: LibraryStore, options: LibraryOptions) {
    super();
    this.dataDir = options.dataDir;
    this.cacheDir = cacheDirOf(options.dataDir);
    this.pixelLimit = options.pixelLimit;
    const context = { store, cacheDir: this.cacheDir, pixelLimit: options.pixelLimit };
    this.renames = new RenameTracker(store, (p) => this.emit('change', { kind: 'removed', path: p }));
    this.queue = new IngestQueue(store, (p) => this.renames.ingest(p, () => ingestFile(p, context)), options.concurrency);
    this.queue.on('progress', (progress) => this.emit('progress', progress));
    this.queue.on('ingested', (p, outcome) => this.ingested(p, outcome));
    this.analysis = new AnalysisService({ store, secrets: options.secrets ?? noSecretStore, ...options.analysisTiming });
    this.autoAnalyse = options.analyse ?? false;
    this.ads = new AdStudio(store, options.dataDir, this.analysis);
  }

  /** Opens the store, resumes jobs a killed process left behind and starts watching. */
  static async open(options: LibraryOptions): Promise<Library> {
    await makePrivateFolder(cacheDirOf(options.dataDir));
    const store = await openLibraryStore(options.dataDir);
    const library = new Library(store, options);
    library.queue.resume();
    if (options.analyse) {
      library.analysis.start();
      library.ads.queue.resume();
    }
    if (options.watch) {
      library.startWatching();
      for (const folder of store.listFolders()) void library.scan(folder.path);
    }
    return library;
  }

  folders(): LibraryFolder[] {
    return this.store.listFolders();
  }

  /** Adds a folder (or re-scans it if already there) and queues every new or changed image. */
  async addFolder(folderPath: string): Promise<{ queued: number }> {
    const root = path.resolve(folderPath);
    const stat = await fs.stat(root).catch(() => null);
    if (!stat) throw new LibraryFolderError(`folder not found: ${root}`);
    if (!stat.isDirectory()) throw new LibraryFolderError(`not a folder: ${root}`);
    const isNew = !this.store.listFolders().some((f) => f.path === root);
    if (isNew) this.store.addFolder(root);
    else this.store.setFolderState(root, 'ok', null);
    if (isNew && this.watcher) this.watcher.add(root);
    return this.scan(root);
  }

  async removeFolder(folderPath: string): Promise<void> {
    const root = path.resolve(folderPath);
    this.watcher?.unwatch(root);
    this.store.removeFolder(root);
  }

  /** Re-scans a library folder (only a folder of the library: the API must not ingest arbitrary paths). */
  async rescan(folderPath: string): Promise<{ queued: number }> {
    const root = path.resolve(folderPath);
    if (!this.store.listFolders().some((f) => f.path === root)) throw new LibraryFolderError(`not a library folder: ${root}`);
    return this.scan(root);
  }

  /** Reconciles the store with what is on disk: queues new/changed files, drops vanished ones. */
  async scan(root: string): Promise<{ queued: number }> {
    const seen = new Set<string>();
    const toIngest: string[] = [];
    for await (const entry of scanFolder(root)) {
      seen.add(entry.path);
      if (entry.kind === 'error') {
        this.store.recordError(entry.path, entry.reason);
        continue;
      }
      const known = this.store.getFile(entry.path);
      if (!known || known.fileSize !== entry.fileSize || known.mtimeMs !== entry.mtimeMs) toIngest.push(entry.path);
    }
    for (const file of this.store.listFiles(root)) {
      if (!seen.has(file.path)) this.removeFile(file.path);
    }
    this.queue.enqueue(toIngest, PRIORITY.background);
    return { queued: toIngest.length };
  }

  progress(): IngestProgress {
    return this.queue.progress();
  }

  /** Resolves when every queued file has been ingested. */
  async idle(): Promise<void> {
    await this.queue.idle();
    await this.renames.settled();
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    await this.ads.queue.close();
    await this.analysis.close();
    await this.queue.stop();
    this.renames.flush();
    await this.store.close();
  }

  startWatching(): FolderWatcher {
    this.watcher ??= new FolderWatcher(this.store.listFolders().map((f) => f.path), {
      fileAdded: (p) => this.queue.enqueue([p], PRIORITY.changed),
      fileChanged: (p) => this.queue.enqueue([p], PRIORITY.changed),
      fileRemoved: (p) => this.renames.removed(p),
      folderRemoved: (p) => this.folderRemoved(p),
      error: (p, reason) => p && this.store.recordError(p, reason),
    });
    return this.watcher;
  }

  /** New bytes go to the remote analyzer too, when the user chose one. */
  private ingested(filePath: string, outcome: IngestOutcome): void {
    if (outcome.kind === 'new' && this.autoAnalyse) {
      const asset = this.store.getAsset(outcome.hash);
      if (asset) this.analysis.autoEnqueue(asset);
    }
    this.emit('change', { kind: 'ingested', path: filePath, outcome });
  }

  private removeFile(filePath: string): void {
    this.store.removeFile(filePath);
    this.emit('change', { kind: 'removed', path: filePath });
  }

  private folderRemoved(folderPath: string): void {
    const root = this.store.listFolders().find((f) => f.path === folderPath);
    if (root) {
      this.renames.cancelUnder(root.path);
      const reason = 'library folder disappeared while watched (deleted, moved or unmounted); its assets are kept';
      this.store.setFolderState(root.path, 'missing', reason);
      this.store.recordError(root.path, reason);
      this.emit('change', { kind: 'folder', folder: { ...root, state: 'missing', error: reason } });
      return;
    }
    for (const file of this.store.listFiles(folderPath)) this.renames.removed(file.path);
  }
}

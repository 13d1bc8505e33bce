import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Low } from 'lowdb';
import {
  type Asset,
  type AssetLocation,
  type AssetSummary,
  type Collection,
  type FileError,
  type IngestJob,
  type JobState,
  type LibraryFolder,
  type SavedSearch,
  SearchQuery,
  type SearchResult,
  type TagCount,
} from '../../shared/model';
import { makePrivateFolder } from '../config/private-folder';
import { adRecords } from './ad-records';
import { analysisRecords } from './analysis-records';
import { correctionRecords } from './correction-records';
import { emptyDocument, type LibraryDocument } from './document';
import { StoreClosedError, UnknownRecordError } from './errors';
import { Journal, sizeOf } from './journal';
import type {
  AdRecords,
  AnalysisRecords,
  CorrectionRecords,
  FileRecord,
  JobPatch,
  LibraryStats,
  LibraryStore,
  OpenLibraryStoreOptions,
  ReviewRecords,
} from './library-store';
import type { LibraryOp } from './library-ops';
import type { LibraryState } from './library-state';
import { libraryFilesIn, loadLibrary } from './load-library';
import { libraryStats } from './library-stats';
import { acquireProcessLock } from './process-lock';
import { reviewRecords } from './review-records';
import { moreLikeThis, nearDuplicates, runSearch } from './search';
import { ShardedJsonFiles } from './sharded-json-files';
import { SnapshotScheduler } from './snapshot-scheduler';
import { SnapshotWriter } from './snapshot-writer';
import { WriteHealth } from './write-health';
import { inTimeSlices } from './time-slices';
import { writeOpenIndex } from './open-index/open-index';

const DEFAULT_SNAPSHOT_INTERVAL_MS = 1000;

/** Opens the library in dataDir (see OpenLibraryStoreOptions); the only implementation today. */
export function openLibraryStore(dataDir: string, opts: OpenLibraryStoreOptions = {}): Promise<LibraryStore> {
  return LowdbLibraryStore.open(dataDir, opts);
}

/**
 * LibraryStore on a lowdb JSON document (<dataDir>/library.json) plus a mutation journal
 * (<dataDir>/library.journal.jsonl). See journal.ts and snapshot-scheduler.ts for why.
 * Folders, files, assets, jobs and organising are here; analysis, review and ad records are
 * built on the same state and journal in analysis-records.ts, review-records.ts, ad-records.ts.
 */
export class LowdbLibraryStore implements LibraryStore {
  readonly analysis: AnalysisRecords;
  readonly reviews: ReviewRecords;
  readonly ads: AdRecords;
  readonly corrections: CorrectionRecords;
  readonly storage: WriteHealth;
  private readonly snapshots: SnapshotScheduler;
  private closed = false;
  private readonly changeListeners = new Set<(op: LibraryOp) => void>();
  /** The head seq the open index on disk was written at, when this library was opened from it. */
  private openIndexSeq: number | null = null;
  private readonly snapshotWriter: SnapshotWriter;

  private constructor(
    low: Low<LibraryDocument>,
    private readonly journal: Journal,
    private readonly state: LibraryState,
    private readonly now: () => number,
    snapshotIntervalMs: number,
    private readonly releaseLock: () => void,
    private readonly sharded: ShardedJsonFiles | null,
    rewriteAll: boolean,
    private readonly openIndex: string,
    storage: WriteHealth,
  ) {
    this.storage = storage;
    this.snapshotWriter = new SnapshotWriter(low, journal, state, sharded, storage, rewriteAll || sharded === null);
    this.snapshots = new SnapshotScheduler(() => this.snapshotWriter.write(), snapshotIntervalMs);
    // Writing is back: what the failed snapshots could not write goes now.
    storage.on('changed', (health) => health.writable && this.snapshots.markDirty());
    const access = { state, mutate: (op: LibraryOp) => this.mutate(op) };
    this.analysis = analysisRecords(access);
    this.reviews = reviewRecords(access);
    this.ads = adRecords(access);
    this.corrections = correctionRecords(access);
  }

  static async open(dataDir: string, opts: OpenLibraryStoreOptions): Promise<LibraryStore> {
    await makePrivateFolder(dataDir);
    const files = libraryFilesIn(dataDir);
    const releaseLock = acquireProcessLock(files.lock);
    const sharded = opts.adapter ? null : new ShardedJsonFiles(files.snapshot, files.records);
    if (sharded) sharded.onProgress = opts.onProgress;
    // Where answers are read back from their files (a test may hand in the shard files as a plain adapter).
    const placing = opts.adapter instanceof ShardedJsonFiles ? opts.adapter : sharded;
    if (placing) placing.placesRecords = true;
    const low = new Low<LibraryDocument>(opts.adapter ?? sharded!, emptyDocument());
    const loaded = await loadLibrary(low, placing, files, opts.recoverCorrupt ?? false, opts.onProgress).catch(
      (error) => {
        releaseLock();
        throw error;
      },
    );
    low.data = emptyDocument();
    const interval = opts.snapshotIntervalMs ?? DEFAULT_SNAPSHOT_INTERVAL_MS;
    const journal = new Journal(files.journal);
    const storage = new WriteHealth({
      dataDir,
      lockFile: files.lock,
      snapshotBytes: () => journal.bytes + sizeOf(files.snapshot),
      recheckMs: opts.storageCheckMs,
      now: opts.now,
    });
    const store = new LowdbLibraryStore(
      low,
      journal,
      loaded.state,
      opts.now ?? Date.now,
      interval,
      releaseLock,
      sharded,
      loaded.migrated || loaded.recovered,
      files.openIndex,
      storage,
    );
    if (placing) store.placeRecords(placing);
    if (loaded.fromOpenIndex) store.openIndexSeq = sharded!.headSeq;
    if (loaded.needsSnapshot || loaded.state.changes.size > 0) store.snapshots.markDirty();
    // A migrated library is written out in the current layout now, with progress, not by the first
    // timed snapshot. Should that fail, the old file is still in force and the scheduler retries.
    if (loaded.migrated) await store.snapshots.flush().catch(() => undefined);
    if (sharded) sharded.onProgress = undefined;
    return store;
  }

  /**
   * Assets and answers a snapshot writes are read back from their files from then on; shards from
   * an older file laid out on one line are rewritten a record per line by the first snapshot.
   */
  private placeRecords(sharded: ShardedJsonFiles): void {
    sharded.heldHash = (hash) => {
      const slot = this.state.index.slotOf(hash);
      return slot === undefined ? hash : this.state.index.hashes[slot];
    };
    // At 250,000 images a snapshot during ingest rewrites most shards: settled in batches, the event loop free between.
    sharded.onRecordsWritten = async ({ assets, answers }) => {
      await inTimeSlices(assets, (chunk) => this.state.index.written(chunk));
      await inTimeSlices(answers, (chunk) => this.state.analysis.written(chunk));
    };
    this.state.rewriteShards(sharded.unplacedShards);
  }

  listFolders(): LibraryFolder[] {
    return [...this.state.folders.values()].map((f) => ({ ...f }));
  }

  addFolder(path: string): LibraryFolder {
    return { ...(this.mutate({ type: 'addFolder', path, at: this.now() }) as LibraryFolder) };
  }

  removeFolder(path: string): void {
    this.mutate({ type: 'removeFolder', path });
  }

  setFolderState(path: string, state: LibraryFolder['state'], error: string | null, since?: number | null): void {
    this.mutate({ type: 'setFolderState', path, state, error, ...(since !== undefined && { since }) });
  }

  getFile(path: string): FileRecord | undefined {
    return this.state.files.get(path);
  }

  /** Each a new record (the table makes one per read). */
  listFiles(folder?: string): FileRecord[] {
    return [...this.state.files.under(folder)];
  }

  listErrors(): FileError[] {
    const errors: FileError[] = [];
    for (const f of this.state.files.failed()) {
      if (f.error !== null) errors.push({ path: f.path, reason: f.error, at: f.errorAt ?? 0, kind: 'file' });
    }
    return errors;
  }

  recordAsset(location: AssetLocation, asset: Asset): void {
    // Cloned so a caller reusing its objects cannot change the indexed copy behind our back.
    this.mutate({ type: 'recordAsset', location: { ...location }, asset: structuredClone(asset) });
  }

  addLocation(location: AssetLocation, hash: string): boolean {
    return this.mutate({ type: 'addLocation', location: { ...location }, hash }) as boolean;
  }

  recordError(path: string, reason: string, fileSize?: number, mtimeMs?: number): void {
    this.mutate({ type: 'recordError', path, reason, fileSize, mtimeMs, at: this.now() });
  }

  removeFile(path: string): void {
    this.mutate({ type: 'removeFile', path });
  }

  getAsset(hash: string): Asset | undefined {
    const asset = this.state.index.get(hash);
    return asset && structuredClone(asset);
  }

  findAssetByHash(hash: string): AssetSummary | undefined {
    const slot = this.state.index.slotOf(hash);
    return slot === undefined ? undefined : this.state.index.summary(slot);
  }

  putJobs(jobs: IngestJob[]): void {
    this.mutate({ type: 'putJobs', jobs: jobs.map((j) => ({ ...j })) });
  }

  updateJob(path: string, patch: JobPatch): void {
    this.mutate({ type: 'updateJob', path, patch: { ...patch } });
  }

  listJobs(states?: readonly JobState[]): IngestJob[] {
    const jobs = [...this.state.jobs.values()];
    return (states ? jobs.filter((j) => states.includes(j.state)) : jobs).map((j) => ({ ...j }));
  }

  removeJobs(paths: readonly string[]): void {
    this.mutate({ type: 'removeJobs', paths: [...paths] });
  }

  setTags(hashes: readonly string[], add: readonly string[], remove: readonly string[]): number {
    return this.mutate({ type: 'setTags', hashes: [...hashes], add: [...add], remove: [...remove] }) as number;
  }

  listTags(): TagCount[] {
    return runSearch(this.state.index, { limit: 1 }).facets.tag.map(({ value, count }) => ({ name: value, count }));
  }

  renameTag(from: string, to: string): number {
    return this.mutate({ type: 'renameTag', from, to }) as number;
  }

  listCollections(): Collection[] {
    const live = (hash: string) => this.state.index.has(hash);
    return [...this.state.organising.collections.values()].map((c) => ({ ...c, hashes: c.hashes.filter(live) }));
  }

  createCollection(name: string): Collection {
    return { ...(this.mutate({ type: 'createCollection', id: randomUUID(), name, at: this.now() }) as Collection) };
  }

  renameCollection(id: string, name: string): Collection {
    return this.changeCollection({ type: 'renameCollection', id, name });
  }

  deleteCollection(id: string): void {
    this.requireCollection(id);
    this.mutate({ type: 'deleteCollection', id });
  }

  addToCollection(id: string, hashes: readonly string[]): Collection {
    return this.changeCollection({ type: 'addToCollection', id, hashes: [...hashes] });
  }

  removeFromCollection(id: string, hashes: readonly string[]): Collection {
    return this.changeCollection({ type: 'removeFromCollection', id, hashes: [...hashes] });
  }

  listSavedSearches(): SavedSearch[] {
    return [...this.state.organising.savedSearches.values()].map((s) => structuredClone(s));
  }

  saveSearch(name: string, query: SearchQuery): SavedSearch {
    const op = { type: 'saveSearch', id: randomUUID(), name, query: SearchQuery.parse(query), at: this.now() } as const;
    return structuredClone(this.mutate(op) as SavedSearch);
  }

  deleteSavedSearch(id: string): void {
    if (!this.state.organising.savedSearches.has(id)) throw new UnknownRecordError('saved search', id);
    this.mutate({ type: 'deleteSavedSearch', id });
  }

  search(query: SearchQuery): SearchResult {
    return runSearch(this.state.index, query, (ids) => this.state.organising.members(ids), this.state.analysis);
  }

  moreLikeThis(hash: string, limit = 50): AssetSummary[] {
    return moreLikeThis(this.state.index, hash, limit);
  }

  nearDuplicates(hash: string, maxHamming = 10): AssetSummary[] {
    return nearDuplicates(this.state.index, hash, maxHamming);
  }

  stats(): LibraryStats {
    return libraryStats(this.state, this.listErrors().length);
  }

  onChange(listener: (op: LibraryOp) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  applyTeamChanges(through: number, ops: readonly LibraryOp[]): void {
    this.mutate({ type: 'applyTeamChanges', through, ops: [...ops] });
  }

  get teamSeq(): number {
    return this.state.teamSeq;
  }

  flush(): Promise<void> {
    return this.snapshots.flush();
  }

  /**
   * Writes what is pending and lets the library go. Should the last snapshot fail (a full disk), the
   * journal still holds every change, so the library is let go all the same and the failure reported.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.storage.close();
    try {
      await this.snapshots.flush();
      this.saveOpenIndex();
    } catch (error) {
      throw this.storage.refused(error, this.storage.folder);
    } finally {
      this.closed = true;
      this.releaseLock();
    }
  }

  /** The next open reads this instead of every record; it is derived, so failing to write it loses nothing. */
  private saveOpenIndex(): void {
    const seq = this.sharded?.headSeq ?? null;
    if (!this.sharded || this.snapshotWriter.wholeDocumentNext || seq === null || seq === this.openIndexSeq) return;
    try {
      writeOpenIndex(this.openIndex, this.state, seq, this.sharded.currentFiles());
    } catch {
      rmSync(this.openIndex, { force: true });
    }
  }

  /** Checked before journaling, so an unknown id changes nothing. */
  private requireCollection(id: string): void {
    if (!this.state.organising.collections.has(id)) throw new UnknownRecordError('collection', id);
  }

  private changeCollection(
    op: Extract<LibraryOp, { type: 'renameCollection' | 'addToCollection' | 'removeFromCollection' }>,
  ): Collection {
    this.requireCollection(op.id);
    this.mutate(op);
    return this.listCollections().find((c) => c.id === op.id)!;
  }

  /** Journal first, then memory: a change is only visible once it would survive a crash. */
  private mutate(op: LibraryOp): unknown {
    if (this.closed) throw new StoreClosedError();
    this.storage.requireWritable();
    const seq = this.state.seq + 1;
    const entry = { seq, op };
    try {
      this.journal.append(entry);
    } catch (error) {
      throw this.storage.refused(error, this.storage.folder, JSON.stringify(entry).length);
    }
    this.state.seq = seq;
    const result = this.state.apply(op);
    this.snapshots.markDirty();
    if (op.type !== 'applyTeamChanges') for (const listener of this.changeListeners) listener(op);
    return result;
  }
}

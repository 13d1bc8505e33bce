import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Asset, AssetLocation, IngestJob, LabelCorrection, LibraryFolder } from '../../shared/model';
import type { ReviewDecision } from '../../shared/model/review';
import { AnalysisState } from './analysis-state';
import { ReviewState } from './review-state';
import { CorrectionState } from './correction-state';
import { AdsState } from './ads-state';
import { modelSearchText, searchPolicyOf } from './model-search-text';
import { AssetIndex } from './asset-index';
import { FileTable } from './file-table';
import { SCHEMA_VERSION, type LibraryDocument } from './document';
import { attempt, isAdsOp, isAnalysisOp, isOrganisingOp, OP_TYPES, type LibraryOp } from './library-ops';
import type { FileRecord, JobPatch, StoreOpenProgress } from './library-store';
import { OrganisingState } from './organising-state';
import { isUnder, withLocation } from './paths';
import { mergeByTime, shardOf, sharedStrings } from './record-shards';
import type { LibraryHead, PlacedShard, ShardId } from './record-shards';
import { ShardChanges } from './shard-changes';

/** Images indexed between two turns of the event loop while a library opens (~0.5 s at 250,000). */
const INDEX_BATCH = 10_000;

/** An item's review outcome as the asset's status facet. */
const ASSET_STATUS = { pending: 'unreviewed', accepted: 'accepted', rejected: 'rejected' } as const;

/**
 * The library as memory holds it: the search index, the logs, answer heads, and the records not
 * yet in a shard file (the others are read back from there). `apply` is the only way to change
 * it, and it is deterministic given the op, so live mutations and journal replay agree. Records
 * are replaced, never mutated in place: a record handed to `changes` stays as it was while a
 * snapshot writes it over many event-loop turns and mutations continue.
 */
export class LibraryState {
  seq = 0;
  /** How far along a team library's log this copy is (see TeamOp); 0 in a library of one's own. */
  teamSeq = 0;
  readonly folders = new Map<string, LibraryFolder>();
  readonly files = new FileTable();
  readonly jobs = new Map<string, IngestJob>();
  /** Paths of the file records without an asset (they live in library.json): a snapshot lists them without a scan. */
  private readonly unhashed = new Set<string>();
  readonly index = new AssetIndex();
  readonly organising = new OrganisingState();
  readonly analysis = new AnalysisState((hash) => this.refreshModelText(hash));
  readonly review = new ReviewState();
  readonly corrections = new CorrectionState();
  readonly ads = new AdsState();
  /** What the next snapshot writes; collected only once the library is loaded (see loadDocument, loadShards). */
  readonly changes = new ShardChanges();
  private collecting = false;

  /** The library a document holds, letting the event loop run between batches and telling how many images are indexed. */
  static async loadDocument(
    doc: LibraryDocument,
    onProgress?: (progress: StoreOpenProgress) => void,
  ): Promise<LibraryState> {
    const total = doc.assets.length;
    onProgress?.({ stage: 'indexing', done: 0, total, unit: 'images' });
    await yieldToLoop();
    const state = LibraryState.withHead({ ...doc, files: [] });
    state.loadRecords({ ...doc, places: null });
    state.index.reserve(total);
    for (let done = 0; done < total;) {
      const end = Math.min(done + INDEX_BATCH, total);
      for (; done < end; done++) state.index.upsert(state.withReviewStatus(doc.assets[done]));
      onProgress?.({ stage: 'indexing', done, total, unit: 'images' });
      await yieldToLoop();
    }
    // What was read is on disk already; what the loader works out (statuses, words) is derived on every load.
    state.collecting = true;
    return state;
  }

  /**
   * The library a head and its shards hold, built a shard at a time: all of an image's records
   * are in its shard, so each is indexed once, and no more than a few shards' records are ever
   * in memory at once (reading the whole document first peaked at gigabytes at 250,000 images).
   */
  static async loadShards(head: LibraryHead, shards: AsyncIterable<PlacedShard>): Promise<LibraryState> {
    const state = LibraryState.withHead(head);
    const shardCount = Object.keys(head.recordShards).length;
    const decisions: ReviewDecision[][] = [];
    const corrections: LabelCorrection[][] = [];
    for await (const shard of shards) {
      if (decisions.length === 0) state.index.reserve(shard.assets.length * shardCount);
      state.loadRecords(shard);
      shard.assets.forEach((asset, i) => {
        const ready = state.withReviewStatus(asset);
        // As its file has it: read back from there when asked for. Else kept until a snapshot writes it.
        state.index.upsert(ready, ready === asset ? shard.places?.assets[i] : undefined);
      });
      decisions.push(shard.reviewDecisions);
      corrections.push(shard.labelCorrections);
      await yieldToLoop();
    }
    // Each shard's log is in the order it was made; the library's is the shards' merged by time.
    state.review.reorder(mergeByTime(decisions));
    state.corrections.reorder(mergeByTime(corrections));
    state.collecting = true;
    return state;
  }

  /** The library a head and its open index hold (see open-index/): nothing is read from the shard files. */
  static restored(head: LibraryHead, restore: (state: LibraryState) => void): LibraryState {
    const state = LibraryState.withHead(head);
    restore(state);
    state.collecting = true;
    return state;
  }

  /** What library.json holds: folders, jobs, collections, settings, campaigns, files without an image. */
  private static withHead(head: Omit<LibraryHead, 'recordShards'>): LibraryState {
    const state = new LibraryState();
    state.seq = head.seq;
    state.teamSeq = head.teamSeq ?? 0;
    for (const folder of head.folders) state.folders.set(folder.path, folder);
    state.index.setFolders([...state.folders.keys()]);
    for (const file of head.files) state.setFileRecord(file);
    for (const job of head.jobs) state.jobs.set(job.path, job);
    state.organising.load(head.collections, head.savedSearches);
    state.ads.load(head.campaigns, head.adVariants);
    state.analysis.load(head);
    return state;
  }

  /**
   * Images' records but the assets (a shard's, or a whole document's): logs and answers first and
   * their words worked out, so each asset is then indexed once; answers with a place in a file are
   * then read back from there when asked for.
   */
  private loadRecords(records: Omit<PlacedShard, 'assets'> & { assets: readonly Asset[] }): void {
    this.review.append(records.reviewDecisions);
    this.applyCorrections(records.labelCorrections);
    // One string per hash and path: each record parsed its own copy (~80 bytes, 250,000 times over).
    const same = sharedStrings(records.assets);
    for (const file of records.files) {
      this.setFileRecord({ ...file, path: same(file.path), hash: file.hash === null ? null : same(file.hash) });
    }
    this.analysis.loadAnswers(records.modelAnalyses, records.places?.answers, same);
    const hashes = new Set([...records.modelAnalyses, ...records.reviewDecisions].map((record) => record.hash));
    for (const hash of hashes) this.refreshModelText(hash);
    this.analysis.settleLoaded(hashes);
  }

  /** The next snapshot writes these shards anew (an older file holds them on one line), placing their records. */
  rewriteShards(shards: ReadonlySet<ShardId>): void {
    if (shards.size === 0) return;
    for (const hash of this.analysis.hashes()) {
      if (shards.has(shardOf(hash))) this.changes.modelAnalyses(hash, this.analysis.list(hash));
    }
    for (const asset of this.index.heldInMemory())
      if (shards.has(shardOf(asset.hash))) this.changes.asset(asset.hash, asset);
  }

  /** The part of the document in library.json: all but the per-image records (files without an asset stay). */
  toHead(): Omit<LibraryHead, 'recordShards'> {
    const files = [...this.unhashed].map((path) => this.files.get(path)!);
    return {
      schemaVersion: SCHEMA_VERSION,
      seq: this.seq,
      ...(this.teamSeq > 0 && { teamSeq: this.teamSeq }),
      folders: [...this.folders.values()],
      files,
      jobs: [...this.jobs.values()],
      collections: [...this.organising.collections.values()],
      savedSearches: [...this.organising.savedSearches.values()],
      ...this.analysis.toHead(),
      campaigns: [...this.ads.campaigns.values()],
      adVariants: [...this.ads.variants.values()],
    };
  }

  toDocument(): LibraryDocument {
    return {
      ...this.toHead(),
      files: [...this.files.values()],
      assets: this.index.list(),
      modelAnalyses: this.analysis.allAnalyses(),
      reviewDecisions: this.review.decisions,
      labelCorrections: this.corrections.corrections,
    };
  }

  apply(op: LibraryOp): unknown {
    if (isOrganisingOp(op)) return this.organising.apply(op);
    if (isAnalysisOp(op)) {
      const result = this.analysis.apply(op);
      if (op.type === 'recordModelAnalysis' && this.collecting) {
        this.changes.modelAnalyses(op.analysis.hash, this.analysis.list(op.analysis.hash));
      }
      return result;
    }
    if (isAdsOp(op)) return this.ads.apply(op);
    switch (op.type) {
      case 'addFolder':
        return this.addFolder(op.path, op.at);
      case 'removeFolder':
        return this.removeFolder(op.path);
      case 'setFolderState': {
        const folder = this.folders.get(op.path);
        const since = op.since ?? null;
        if (folder) this.folders.set(op.path, { ...folder, state: op.state, error: op.error, since });
        return;
      }
      case 'recordAsset':
        return this.recordAsset(op.location, op.asset);
      case 'addLocation':
        return this.addLocation(op.location, op.hash);
      case 'recordError':
        return this.recordError(op);
      case 'removeFile':
        return this.removeFile(op.path);
      case 'putJobs':
        return op.jobs.forEach((job) => this.jobs.set(job.path, job));
      case 'updateJob':
        return this.updateJob(op.path, op.patch);
      case 'removeJobs':
        return op.paths.forEach((path) => this.jobs.delete(path));
      case 'setTags':
        return this.setTags(op.hashes, op.add, op.remove);
      case 'renameTag':
        return this.renameTag(op.from, op.to);
      case 'recordReviewDecisions':
        for (const hash of this.review.append(op.decisions)) this.refreshReview(hash);
        if (this.collecting) this.changes.reviewDecisions(op.decisions);
        return;
      case 'recordLabelCorrections':
        if (this.collecting) this.changes.labelCorrections(op.corrections);
        return this.applyCorrections(op.corrections);
      case 'applyTeamChanges':
        // A member's change this copy cannot apply (another app version's) is skipped, alike on replay.
        op.ops.forEach((change) => OP_TYPES.has(change.type) && attempt(() => this.apply(change)));
        this.teamSeq = op.through;
    }
  }

  /** Corrections change what the asset's facets, summary and search words say (not the asset record). */
  private applyCorrections(corrections: readonly LabelCorrection[]): void {
    for (const hash of this.corrections.append(corrections))
      this.index.setCorrections(hash, this.corrections.standing(hash));
  }

  /** A review changed: the asset's status (a search facet) and its searchable words follow. */
  private refreshReview(hash: string): void {
    const asset = this.index.get(hash);
    const updated = asset && this.withReviewStatus(asset);
    if (updated && updated !== asset) this.saveAsset(updated);
    this.refreshModelText(hash);
  }

  /** The asset with the status its review adds up to (the same object when that is its status already). */
  private withReviewStatus(asset: Asset): Asset {
    if (!this.review.hasDecisions(asset.hash)) return asset;
    const next = ASSET_STATUS[this.review.status(asset.hash)];
    return asset.status === next ? asset : { ...asset, status: next };
  }

  private refreshModelText(hash: string): void {
    this.index.setModelText(
      hash,
      modelSearchText(this.analysis.list(hash), this.review.fields(hash), searchPolicyOf(this.analysis.settings)),
    );
  }

  private addFolder(path: string, at: number): LibraryFolder {
    const existing = this.folders.get(path);
    if (existing) return existing;
    const folder: LibraryFolder = { path, addedAt: at, state: 'ok', error: null };
    this.folders.set(path, folder);
    this.index.setFolders([...this.folders.keys()]);
    return folder;
  }

  /** Files still inside another (nesting or nested) library folder are kept. */
  private removeFolder(path: string): void {
    if (!this.folders.delete(path)) return;
    const remaining = [...this.folders.keys()];
    const orphaned = (p: string) => isUnder(p, path) && !remaining.some((folder) => isUnder(p, folder));
    // Only the files under it are looked at (listed first: removing them changes the table).
    for (const file of [...this.files.under(path)]) if (orphaned(file.path)) this.removeFile(file.path);
    for (const job of [...this.jobs.keys()]) if (orphaned(job)) this.jobs.delete(job);
    this.index.setFolders(remaining);
  }

  /** Same bytes as a known asset: add this location and keep its tags, status and addedAt. */
  private recordAsset(location: AssetLocation, incoming: Asset): void {
    this.detachIfChanged(location.path, incoming.hash);
    const existing = this.index.get(incoming.hash);
    const asset: Asset = existing
      ? {
          ...incoming,
          tags: existing.tags,
          status: existing.status,
          addedAt: existing.addedAt,
          locations: withLocation(existing.locations, location),
        }
      : { ...incoming, locations: [location] };
    this.saveAsset(asset);
    this.setFileOk(location, incoming.hash);
  }

  private addLocation(location: AssetLocation, hash: string): boolean {
    const asset = this.index.get(hash);
    if (!asset) return false;
    this.detachIfChanged(location.path, hash);
    this.saveAsset({ ...asset, locations: withLocation(asset.locations, location) });
    this.setFileOk(location, hash);
    return true;
  }

  /**
   * An unreadable file keeps its asset when size and mtime are unchanged (a transient
   * failure, e.g. a locked file); if the file changed, its old bytes are gone.
   */
  private recordError(op: Extract<LibraryOp, { type: 'recordError' }>): void {
    const previous = this.files.get(op.path);
    const fileSize = op.fileSize ?? previous?.fileSize ?? 0;
    const mtimeMs = op.mtimeMs ?? previous?.mtimeMs ?? 0;
    let hash = previous?.hash ?? null;
    if (hash !== null && (fileSize !== previous?.fileSize || mtimeMs !== previous?.mtimeMs)) {
      this.detachLocation(hash, op.path);
      hash = null;
    }
    this.saveFile({ path: op.path, hash, fileSize, mtimeMs, error: op.reason, errorAt: op.at });
  }

  private removeFile(path: string): void {
    const hash = this.files.get(path)?.hash;
    if (hash) this.detachLocation(hash, path);
    this.files.delete(path);
    this.unhashed.delete(path);
    if (this.collecting) this.changes.file(path, hash ?? null, null);
  }

  private updateJob(path: string, patch: JobPatch): void {
    const job = this.jobs.get(path);
    if (job) this.jobs.set(path, { ...job, ...patch, path });
  }

  private setTags(hashes: readonly string[], add: readonly string[], remove: readonly string[]): number {
    const dropped = new Set(remove);
    let changed = 0;
    for (const hash of new Set(hashes)) {
      const asset = this.index.get(hash);
      if (!asset) continue;
      const tags = [...new Set([...asset.tags, ...add])].filter((tag) => !dropped.has(tag));
      if (tags.length === asset.tags.length && tags.every((tag, i) => tag === asset.tags[i])) continue;
      this.saveAsset({ ...asset, tags });
      changed++;
    }
    return changed;
  }

  /** Renaming onto an existing tag merges the two: each asset ends up with `to` once. */
  private renameTag(from: string, to: string): number {
    return from === to ? 0 : this.setTags(this.index.hashesTagged(from), [to], [from]);
  }

  /** The path now holds different bytes: it is no longer a location of the old asset. */
  private detachIfChanged(path: string, hash: string): void {
    const previous = this.files.get(path)?.hash;
    if (previous && previous !== hash) this.detachLocation(previous, path);
  }

  private detachLocation(hash: string, path: string): void {
    const asset = this.index.get(hash);
    if (!asset) return;
    const locations = asset.locations.filter((l) => l.path !== path);
    if (locations.length === 0) {
      this.index.remove(hash);
      if (this.collecting) this.changes.asset(hash, null);
    } else this.saveAsset({ ...asset, locations });
  }

  private setFileOk(location: AssetLocation, hash: string): void {
    const { path, fileSize, mtimeMs } = location;
    this.saveFile({ path, hash, fileSize, mtimeMs, error: null, errorAt: null });
  }

  private saveAsset(asset: Asset): void {
    this.index.upsert(asset);
    if (this.collecting) this.changes.asset(asset.hash, asset);
  }

  private saveFile(file: FileRecord): void {
    const previous = this.files.get(file.path)?.hash ?? null;
    this.setFileRecord(file);
    if (this.collecting) this.changes.file(file.path, previous, file);
  }

  setFileRecord(file: FileRecord): void {
    this.files.set(file.path, file);
    if (file.hash === null) this.unhashed.add(file.path);
    else this.unhashed.delete(file.path);
  }
}

import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import {
  JOB_STATES,
  type AiSettings,
  type AnalysisJob,
  type AnalysisJobState,
  type Asset,
  type AssetLocation,
  type AssetSummary,
  type Collection,
  type FileError,
  type IngestJob,
  type Invocation,
  type JobState,
  type LibraryFolder,
  type ModelAnalysis,
  type SavedSearch,
  SearchQuery,
  type SearchResult,
  type TagCount,
} from '../../shared/model';
import type { AttributeField } from '../../shared/model/attributes';
import type { FieldReview, ReviewDecision } from '../../shared/model/review';
import type { AnalysisJobPatch } from './analysis-state';
import type { ItemReviewStatus } from './review-state';
import type { AdVariant, Campaign } from '../../shared/model/ads';
import type { VariantPatch } from './ads-state';
import { ChunkedJsonFile } from './chunked-json-file';
import { emptyDocument, type LibraryDocument } from './document';
import { StoreClosedError, UnknownRecordError } from './errors';
import { Journal } from './journal';
import type { AnalysisHead, FileRecord, JobPatch, LibraryStats, LibraryStore, OpenLibraryStoreOptions } from './library-store';
import type { LibraryOp } from './library-ops';
import type { LibraryState } from './library-state';
import { loadLibrary } from './load-library';
import { acquireProcessLock } from './process-lock';
import { isUnder } from './paths';
import { runSearch } from './search';
import { moreLikeThis, nearDuplicates } from './similarity';
import { SnapshotScheduler } from './snapshot-scheduler';
import { toSummary } from './summary';

const DEFAULT_SNAPSHOT_INTERVAL_MS = 1000;

/**
 * LibraryStore on a lowdb JSON document (<dataDir>/library.json) plus a mutation journal
 * (<dataDir>/library.journal.jsonl). See journal.ts and snapshot-scheduler.ts for why.
 */
export class LowdbLibraryStore implements LibraryStore {
  private readonly snapshots: SnapshotScheduler;
  private closed = false;

  private constructor(
    private readonly low: Low<LibraryDocument>,
    private readonly journal: Journal,
    private readonly state: LibraryState,
    private readonly now: () => number,
    snapshotIntervalMs: number,
    private readonly releaseLock: () => void,
  ) {
    this.snapshots = new SnapshotScheduler(() => this.writeSnapshot(), snapshotIntervalMs);
  }

  static async open(dataDir: string, opts: OpenLibraryStoreOptions): Promise<LowdbLibraryStore> {
    await mkdir(dataDir, { recursive: true });
    const files = { snapshot: join(dataDir, 'library.json'), journal: join(dataDir, 'library.journal.jsonl') };
    const releaseLock = acquireProcessLock(join(dataDir, 'library.lock'));
    const low = new Low<LibraryDocument>(opts.adapter ?? new ChunkedJsonFile(files.snapshot), emptyDocument());
    const { state, needsSnapshot } = await loadLibrary(low, files, opts.recoverCorrupt ?? false).catch((error) => {
      releaseLock();
      throw error;
    });
    low.data = emptyDocument();
    const interval = opts.snapshotIntervalMs ?? DEFAULT_SNAPSHOT_INTERVAL_MS;
    const store = new LowdbLibraryStore(low, new Journal(files.journal), state, opts.now ?? Date.now, interval, releaseLock);
    if (needsSnapshot) store.snapshots.markDirty();
    return store;
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

  setFolderState(path: string, state: LibraryFolder['state'], error: string | null): void {
    this.mutate({ type: 'setFolderState', path, state, error });
  }

  getFile(path: string): FileRecord | undefined {
    const file = this.state.files.get(path);
    return file && { ...file };
  }

  listFiles(folder?: string): FileRecord[] {
    const files = [...this.state.files.values()];
    return (folder === undefined ? files : files.filter((f) => isUnder(f.path, folder))).map((f) => ({ ...f }));
  }

  listErrors(): FileError[] {
    const errors: FileError[] = [];
    for (const f of this.state.files.values()) {
      if (f.error !== null) errors.push({ path: f.path, reason: f.error, at: f.errorAt ?? 0 });
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
    const asset = this.state.index.get(hash);
    return asset && toSummary(asset);
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

  clearFinishedJobs(): number {
    return this.mutate({ type: 'clearFinishedJobs' }) as number;
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
    const live = (hash: string) => this.state.index.get(hash) !== undefined;
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
    return runSearch(this.state.index, query, (ids) => this.state.organising.members(ids));
  }

  moreLikeThis(hash: string, limit = 50): AssetSummary[] {
    return moreLikeThis(this.state.index, hash, limit);
  }

  nearDuplicates(hash: string, maxHamming = 10): AssetSummary[] {
    return nearDuplicates(this.state.index, hash, maxHamming);
  }

  stats(): LibraryStats {
    const { facets } = runSearch(this.state.index, { limit: 1 });
    const byValue = (counts: { value: string; count: number }[]) => Object.fromEntries(counts.map((c) => [c.value, c.count]));
    const jobs = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    for (const job of this.state.jobs.values()) jobs[job.state]++;
    return {
      assets: this.state.index.size,
      files: this.state.files.size,
      errors: this.listErrors().length,
      jobs,
      patterns: byValue(facets.pattern),
      colours: byValue(facets.colour),
    };
  }

  getAiSettings(): AiSettings | null {
    return this.state.analysis.settings && structuredClone(this.state.analysis.settings);
  }

  setAiSettings(settings: AiSettings): void {
    this.mutate({ type: 'setAiSettings', settings: structuredClone(settings) });
  }

  listModelAnalyses(hash: string): ModelAnalysis[] {
    return structuredClone(this.state.analysis.analyses.get(hash) ?? []);
  }

  findModelAnalysis(hash: string, requestedModelId: string, promptVersion: string): ModelAnalysis | undefined {
    const found = this.state.analysis.find(hash, requestedModelId, promptVersion);
    return found && structuredClone(found);
  }

  recordModelAnalysis(analysis: ModelAnalysis): void {
    this.mutate({ type: 'recordModelAnalysis', analysis: structuredClone(analysis) });
  }

  putAnalysisJobs(jobs: AnalysisJob[]): void {
    this.mutate({ type: 'putAnalysisJobs', jobs: jobs.map((j) => ({ ...j })) });
  }

  updateAnalysisJob(id: string, patch: AnalysisJobPatch): void {
    this.mutate({ type: 'updateAnalysisJob', id, patch: { ...patch } });
  }

  listAnalysisJobs(states?: readonly AnalysisJobState[]): AnalysisJob[] {
    const jobs = [...this.state.analysis.jobs.values()];
    return (states ? jobs.filter((j) => states.includes(j.state)) : jobs).map((j) => ({ ...j }));
  }

  removeAnalysisJobs(ids: readonly string[]): void {
    this.mutate({ type: 'removeAnalysisJobs', ids: [...ids] });
  }

  recordInvocation(invocation: Invocation): void {
    this.mutate({ type: 'recordInvocation', invocation: { ...invocation } });
  }

  listInvocations(sinceMs = -Infinity): Invocation[] {
    return this.state.analysis.invocations.filter((i) => i.at >= sinceMs).map((i) => ({ ...i }));
  }

  recordReviewDecisions(decisions: ReviewDecision[]): void {
    this.mutate({ type: 'recordReviewDecisions', decisions: structuredClone(decisions) });
  }

  reviewHistory(hash: string): ReviewDecision[] {
    return structuredClone(this.state.review.history(hash));
  }

  listReviewDecisions(): ReviewDecision[] {
    return structuredClone(this.state.review.decisions);
  }

  fieldReviews(hash: string): Record<AttributeField, FieldReview> {
    return structuredClone(this.state.review.fields(hash));
  }

  reviewStatus(hash: string): ItemReviewStatus {
    return this.state.review.status(hash);
  }

  analysisHeads(hash: string): AnalysisHead[] {
    return (this.state.analysis.analyses.get(hash) ?? []).map((a) => ({
      modelId: a.modelId, requestedModelId: a.requestedModelId, confidence: a.confidence, at: a.at, escalatedFrom: a.escalatedFrom, fieldConfidence: { ...a.attributes.confidence },
    }));
  }

  assetPaths(hash: string): string[] | undefined {
    return this.state.index.get(hash)?.locations.map((l) => l.path);
  }

  analysedHashes(): string[] {
    return [...this.state.analysis.analyses.keys()];
  }

  listCampaigns(): Campaign[] {
    return [...this.state.ads.campaigns.values()].map((c) => structuredClone(c)).sort((a, b) => b.createdAt - a.createdAt);
  }

  getCampaign(id: string): Campaign | undefined {
    const campaign = this.state.ads.campaigns.get(id);
    return campaign && structuredClone(campaign);
  }

  putCampaign(campaign: Campaign): void {
    this.mutate({ type: 'putCampaign', campaign: structuredClone(campaign) });
  }

  deleteCampaign(id: string): void {
    if (!this.state.ads.campaigns.has(id)) throw new UnknownRecordError('campaign', id);
    this.mutate({ type: 'deleteCampaign', id });
  }

  listVariants(campaignId?: string): AdVariant[] {
    const all = [...this.state.ads.variants.values()];
    return (campaignId ? all.filter((v) => v.campaignId === campaignId) : all).map((v) => ({ ...v })).sort((a, b) => a.createdAt - b.createdAt);
  }

  getVariant(id: string): AdVariant | undefined {
    const variant = this.state.ads.variants.get(id);
    return variant && { ...variant };
  }

  putVariants(variants: AdVariant[]): void {
    this.mutate({ type: 'putVariants', variants: structuredClone(variants) });
  }

  updateVariant(id: string, patch: VariantPatch): void {
    this.mutate({ type: 'updateVariant', id, patch: structuredClone(patch) });
  }

  deleteVariant(id: string): void {
    if (!this.state.ads.variants.has(id)) throw new UnknownRecordError('variant', id);
    this.mutate({ type: 'deleteVariant', id });
  }

  flush(): Promise<void> {
    return this.snapshots.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.snapshots.flush();
    this.closed = true;
    this.releaseLock();
  }

  /** Checked before journaling, so an unknown id changes nothing. */
  private requireCollection(id: string): void {
    if (!this.state.organising.collections.has(id)) throw new UnknownRecordError('collection', id);
  }

  private changeCollection(op: Extract<LibraryOp, { type: 'renameCollection' | 'addToCollection' | 'removeFromCollection' }>): Collection {
    this.requireCollection(op.id);
    this.mutate(op);
    return this.listCollections().find((c) => c.id === op.id)!;
  }

  /** Journal first, then memory: a change is only visible once it would survive a crash. */
  private mutate(op: LibraryOp): unknown {
    if (this.closed) throw new StoreClosedError();
    const seq = this.state.seq + 1;
    this.journal.append({ seq, op });
    this.state.seq = seq;
    const result = this.state.apply(op);
    this.snapshots.markDirty();
    return result;
  }

  /** The document is captured synchronously, at the same instant the journal starts its new tail. */
  private async writeSnapshot(): Promise<void> {
    this.low.data = this.state.toDocument();
    this.journal.beginRotation();
    try {
      await this.low.write();
      this.journal.completeRotation();
    } catch (error) {
      this.journal.abortRotation();
      throw error;
    } finally {
      // Do not keep the previous generation of every asset reachable until the next snapshot.
      this.low.data = emptyDocument();
    }
  }
}

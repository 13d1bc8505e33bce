import type {
  AiSettings,
  AnalysisJob,
  Asset,
  AssetLocation,
  AssetSummary,
  Collection,
  FileError,
  IngestJob,
  Invocation,
  JobState,
  LibraryFolder,
  ModelAnalysis,
  SavedSearch,
  SearchQuery,
  SearchResult,
  TagCount,
} from '../../shared/model';
import type { FieldReview, ItemReviewStatus, ReviewDecision, ReviewSummary } from '../../shared/model/review';
import type { LabelCorrection } from '../../shared/model/correction';
import type { TeamBudget } from '../../shared/model/team';
import type { StandingCorrections } from './correction-state';
import type { AttributeField } from '../../shared/model/attributes';
import type { AnalysisJobPatch } from './analysis-state';
import type { AdVariant, Campaign } from '../../shared/model/ads';
import type { BatchJob } from '../../shared/model/batch';
import type { VariantPatch } from './ads-state';
import type { LibraryDocument } from './document';
import type { LibraryOp } from './library-ops';
import type { WriteHealth } from './write-health';

/** What the store knows about one file path; `hash` is null until it was ingested successfully. */
export interface FileRecord {
  path: string;
  hash: string | null;
  fileSize: number;
  mtimeMs: number;
  error: string | null;
  errorAt: number | null;
}

export type JobPatch = Partial<Omit<IngestJob, 'path'>>;

export interface LibraryStats {
  assets: number;
  files: number;
  errors: number;
  jobs: Record<JobState, number>;
  patterns: Record<string, number>;
  colours: Record<string, number>;
}

/** What a queue needs of a model answer, without copying its attributes (cheap at 100,000 items). */
export type AnalysisHead = Pick<
  ModelAnalysis,
  'modelId' | 'requestedModelId' | 'confidence' | 'at' | 'escalatedFrom'
> & {
  fieldConfidence: ModelAnalysis['attributes']['confidence'];
};

/** Model analyses, their persisted job queue, the invocation log and AI settings. */
export interface AnalysisRecords {
  /** null until first saved: callers fill in the defaults. */
  getAiSettings(): AiSettings | null;
  setAiSettings(settings: AiSettings): void;
  /** In a copy of a team library: the team's monthly budget, if its admin set one. */
  getTeamBudget(): TeamBudget | null;
  setTeamBudget(budget: TeamBudget): void;
  /** The AI-written paragraph about what reviewers change, kept until someone asks for a fresh one. */
  getReviewSummary(): ReviewSummary | null;
  setReviewSummary(summary: ReviewSummary): void;
  /** Every model's answer for these bytes, oldest first. */
  listModelAnalyses(hash: string): ModelAnalysis[];
  /** The cache: this model's answer (as requested) for these bytes under this prompt version. */
  findModelAnalysis(hash: string, requestedModelId: string, promptVersion: string): ModelAnalysis | undefined;
  recordModelAnalysis(analysis: ModelAnalysis): void;
  analysisHeads(hash: string): AnalysisHead[];
  /** Goes up whenever an answer is recorded: what was worked out from the answers before is stale. */
  answersVersion(): number;
  putAnalysisJobs(jobs: AnalysisJob[]): void;
  updateAnalysisJob(id: string, patch: AnalysisJobPatch): void;
  listAnalysisJobs(states?: readonly JobState[]): AnalysisJob[];
  removeAnalysisJobs(ids: readonly string[]): void;
  /** Adds or replaces a Bedrock batch job's record (by id). */
  putBatchJob(job: BatchJob): void;
  listBatchJobs(): BatchJob[];
  recordInvocation(invocation: Invocation): void;
  /** Calls made at or after `sinceMs` (all when omitted), oldest first. */
  listInvocations(sinceMs?: number): Invocation[];
}

/** The append-only review log and what it adds up to. */
export interface ReviewRecords {
  /** Appends decisions (never changes or removes one); the assets' review status follows. */
  recordReviewDecisions(decisions: ReviewDecision[]): void;
  reviewHistory(hash: string): ReviewDecision[];
  listReviewDecisions(): ReviewDecision[];
  fieldReviews(hash: string): Record<AttributeField, FieldReview>;
  /** Items with at least one decision. */
  reviewedHashes(): string[];
  /** Goes up with every item whose review changes; see reviewChangedSince. */
  reviewVersion(): number;
  /** Items whose review changed since `version` (each once); null when too long ago to tell (read them all). */
  reviewChangedSince(version: number): string[] | null;
  reviewStatus(hash: string): ItemReviewStatus;
  /** Hashes that have at least one model answer (reviewable items), in no particular order. */
  analysedHashes(): string[];
  /** The file paths of an asset (cheaper than getAsset when only paths are needed; not to be changed). */
  assetPaths(hash: string): readonly string[] | undefined;
  /** Goes up whenever an asset is added or removed or its paths change. */
  assetPathsVersion(): number;
}

/** The append-only log of people's corrections of local labels (pattern, colours, repeat). */
export interface CorrectionRecords {
  /** Appends one batch in one write (never changes or removes a record); search and facets follow at once. */
  recordLabelCorrections(corrections: LabelCorrection[]): void;
  correctionHistory(hash: string): LabelCorrection[];
  listLabelCorrections(): LabelCorrection[];
  /** Images with at least one correction record, undone or not. */
  correctedHashes(): string[];
  /** Per field, the latest correction not undone; survives re-analysis of the asset. */
  standingCorrections(hash: string): StandingCorrections;
}

/** Ad campaigns and their variants. */
export interface AdRecords {
  listCampaigns(): Campaign[];
  getCampaign(id: string): Campaign | undefined;
  putCampaign(campaign: Campaign): void;
  /** Also drops the campaign's variants. */
  deleteCampaign(id: string): void;
  listVariants(campaignId?: string): AdVariant[];
  getVariant(id: string): AdVariant | undefined;
  putVariants(variants: AdVariant[]): void;
  updateVariant(id: string, patch: VariantPatch): void;
  deleteVariant(id: string): void;
}

/**
 * The library's persistence, as callers see it (cf. Allusion's DataStorage): no lowdb,
 * no files, no indexes leak through, so another implementation can replace this one.
 * Reads are synchronous against in-memory indexes; writes are durable once they return
 * (journaled) and reach library.json in coalesced snapshots.
 */
export interface LibraryStore {
  /** Model answers, the remote-analysis jobs, the invocation log and the AI settings. */
  readonly analysis: AnalysisRecords;
  /** The append-only review log and what it adds up to. */
  readonly reviews: ReviewRecords;
  /** Ad campaigns and their variants. */
  readonly ads: AdRecords;
  /** People's corrections of the local analyzer's labels. */
  readonly corrections: CorrectionRecords;

  listFolders(): LibraryFolder[];
  addFolder(path: string): LibraryFolder;
  /** Also drops the folder's file records, queued jobs and assets left without locations. */
  removeFolder(path: string): void;
  /** `since`: when the folder went offline (state `missing`), null otherwise. */
  setFolderState(path: string, state: LibraryFolder['state'], error: string | null, since?: number | null): void;

  getFile(path: string): FileRecord | undefined;
  listFiles(folder?: string): FileRecord[];
  listErrors(): FileError[];
  /** Upsert by hash: identical bytes under a second path become a second location of one asset. */
  recordAsset(location: AssetLocation, asset: Asset): void;
  /** A known hash seen at a new path (rename, copy); false when the hash is unknown. */
  addLocation(location: AssetLocation, hash: string): boolean;
  recordError(path: string, reason: string, fileSize?: number, mtimeMs?: number): void;
  /** Drops the path; an asset left without locations is deleted. */
  removeFile(path: string): void;
  /** The full asset (a copy). */
  getAsset(hash: string): Asset | undefined;
  /** Cheap "do we already have these bytes?" check for ingest: a summary, no vectors copied. */
  findAssetByHash(hash: string): AssetSummary | undefined;

  putJobs(jobs: IngestJob[]): void;
  updateJob(path: string, patch: JobPatch): void;
  listJobs(states?: readonly JobState[]): IngestJob[];
  removeJobs(paths: readonly string[]): void;

  /** Returns how many assets changed. */
  setTags(hashes: readonly string[], add: readonly string[], remove: readonly string[]): number;
  listTags(): TagCount[];
  /** Renames a tag on every asset; onto an existing tag it merges the two. Returns assets changed. */
  renameTag(from: string, to: string): number;

  listCollections(): Collection[];
  createCollection(name: string): Collection;
  /** These throw UnknownRecordError for an id that does not exist. */
  renameCollection(id: string, name: string): Collection;
  deleteCollection(id: string): void;
  addToCollection(id: string, hashes: readonly string[]): Collection;
  removeFromCollection(id: string, hashes: readonly string[]): Collection;

  listSavedSearches(): SavedSearch[];
  saveSearch(name: string, query: SearchQuery): SavedSearch;
  deleteSavedSearch(id: string): void;

  search(query: SearchQuery): SearchResult;
  /** Nearest assets by vector cosine, the asset itself excluded; distance = 1 − cosine. */
  moreLikeThis(hash: string, limit?: number): AssetSummary[];
  /** Assets whose perceptual hash is within maxHamming bits; distance = Hamming distance. */
  nearDuplicates(hash: string, maxHamming?: number): AssetSummary[];
  stats(): LibraryStats;

  /**
   * Told of every change made through this store once it is journaled and applied (a team
   * library's sync sends them on), but not of changes other members made (applyTeamChanges).
   */
  onChange(listener: (op: LibraryOp) => void): () => void;
  /** In a copy of a team library: changes others made, with the team log position they reach (see TeamOp). */
  applyTeamChanges(through: number, ops: readonly LibraryOp[]): void;
  /** How far along the team's log this copy is; 0 when it is nobody's copy of one. */
  readonly teamSeq: number;

  /**
   * Whether the library can be written now. A change the machine refuses (full disk, folder gone or
   * read-only) throws StorageUnavailableError and changes nothing; reading goes on. Other writers of
   * the data folder (thumbnails, ad files) report their refused writes here too.
   */
  readonly storage: WriteHealth;

  /** Resolves once everything recorded so far is in library.json. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Reads and writes whole snapshots (structurally lowdb's Adapter); a seam for tests. */
export interface SnapshotAdapter {
  read(): Promise<LibraryDocument | null>;
  write(doc: LibraryDocument): Promise<void>;
}

/**
 * How far opening has got: reading the files (a library in shards is indexed as each is read),
 * indexing the images of a library read whole, or writing out a migrated library.
 */
export interface StoreOpenProgress {
  stage: 'reading' | 'indexing' | 'writing';
  done: number;
  total: number;
  unit: 'MB' | 'shards' | 'images';
}

export interface OpenLibraryStoreOptions {
  /** Told as a large library is read and indexed, and as a migrated one is written out before open returns. */
  onProgress?: (progress: StoreOpenProgress) => void;
  /** Set a damaged library.json (and its journal) aside and start empty instead of refusing. */
  recoverCorrupt?: boolean;
  /** Shortest time between snapshot writes; grows with the cost of the last write. Default 1000. */
  snapshotIntervalMs?: number;
  /** How often a write fault is checked for its end (and the data folder for its presence). Default 5 s. */
  storageCheckMs?: number;
  /** Where snapshots are read and written; defaults to library.json in dataDir (tests wrap it). */
  adapter?: SnapshotAdapter;
  now?: () => number;
}

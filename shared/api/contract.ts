import { z } from 'zod';
import { Asset, FileError } from '../model/asset';
import { IngestProgress, LibraryFolder } from '../model/library';
import { JOB_STATES } from '../model/jobs';
import { AssetSummary, SearchQuery, SearchResult } from '../model/search';
import { SearchInterpretation } from '../model/natural-search';
import { Collection, SavedSearch, TagCount, TagName } from '../model/organising';
import {
  AiSettings,
  AnalysisJob,
  AnalysisProgress,
  ConnectionCheck,
  CostEstimate,
  ModelAnalysis,
  ModelCatalog,
  ModelInputPreview,
  UsageReport,
} from '../model/ai';
import { BatchCheck, BatchJob } from '../model/batch';
import {
  DecisionInput,
  QualityReport,
  ReviewSummaryState,
  ReviewHold,
  ReviewerName,
  ReviewItem,
  ReviewQueuePage,
  ReviewQueueQuery,
} from '../model/review';
import { AssetLabels, CorrectionInput } from '../model/correction';
import { LibraryOpening } from './library-opening';
import { TeamLibraryInfo, TeamStatus } from '../model/team';
import { StorageHealth } from '../model/storage';
import { adsContract } from './ads-contract';
import { Hash, Id, Nothing, StreamId } from './contract-fields';

const FolderPath = z.string().min(1).max(4096);
/** Files queued for ingest; `outside`: links left out because they lead outside every library folder (not errors). */
const ScanResult = z.object({ queued: z.number().int(), outside: z.number().int() });
/** Which images a model run is about: these hashes, or everything a search matches. */
const AnalysisTarget = z.union([
  z.object({ hashes: z.array(Hash).min(1).max(100_000) }).strict(),
  z.object({ query: SearchQuery }).strict(),
]);

/**
 * Every operation the UI can ask of the engine: declared once here, validated at each
 * transport boundary (Electron IPC, browser-mode HTTP), implemented once in electron/api.
 */
export const apiContract = {
  /** Answered at once, even while the library is still opening (every other call waits for it). */
  libraryOpening: { input: Nothing, output: LibraryOpening },
  libraryStatus: {
    input: Nothing,
    output: z.object({
      folders: z.array(LibraryFolder),
      progress: IngestProgress,
      assetCount: z.number().int(),
      errorCount: z.number().int(),
      /** Whether the library can be written now (a full disk, its folder gone): the status bar says so. */
      storage: StorageHealth,
    }),
  },
  /** Settings → Team library: the team library open (if any), its connection, and what the next start opens. */
  teamLibrary: { input: Nothing, output: TeamLibraryInfo },
  /**
   * Chooses the team library the next start opens (null: the local library), once a connection to
   * it works. A URL with a password is refused: PostgreSQL reads it from ~/.pgpass or PGPASSWORD.
   */
  setTeamLibrary: {
    input: z.object({ url: z.string().trim().min(1).max(2048).nullable() }).strict(),
    output: TeamLibraryInfo,
  },
  /**
   * Where this machine has one of the team's folders (null: where the member who added it has it);
   * applies at the next start, which writes this machine's copy anew at the new paths.
   */
  setTeamFolderPath: {
    input: z.object({ name: z.string().min(1).max(255), path: FolderPath.nullable() }).strict(),
    output: TeamLibraryInfo,
  },
  addFolder: { input: z.object({ path: FolderPath }), output: ScanResult },
  removeFolder: { input: z.object({ path: FolderPath }), output: z.object({ ok: z.literal(true) }) },
  /** Generates a small library of sample patterns in the data folder and adds it. */
  openDemoLibrary: { input: Nothing, output: ScanResult.extend({ path: z.string() }) },
  rescanFolder: { input: z.object({ path: FolderPath }), output: ScanResult },
  search: { input: SearchQuery, output: SearchResult },
  /**
   * A sentence ("red polka dots on cream, no stripes") as the structured query the facets use, with
   * its parts (chips the user can remove) and the words it did not understand.
   */
  /** Stop on a model answer streaming in; `stopped` is false when it had already ended. */
  stopModelStream: { input: z.object({ streamId: StreamId }).strict(), output: z.object({ stopped: z.boolean() }) },
  interpretSearch: {
    input: z
      .object({
        sentence: z.string().trim().min(1).max(500),
        streamId: StreamId.optional(),
        /** The image open or selected: what "like this" and "warmer" start from. */
        like: Hash.optional(),
      })
      .strict(),
    output: SearchInterpretation.extend({
      query: SearchQuery.pick({
        text: true,
        statuses: true,
        orientations: true,
        formats: true,
        answeredBy: true,
        notAnsweredBy: true,
        maxConfidence: true,
        addedAfter: true,
        addedBefore: true,
        addedOutside: true,
        similarTo: true,
        colourNear: true,
        match: true,
      }),
    }),
  },
  getAsset: { input: z.object({ hash: Hash }), output: Asset.nullable() },
  moreLikeThis: {
    input: z.object({ hash: Hash, limit: z.number().int().min(1).max(200).default(24) }),
    output: z.array(AssetSummary),
  },
  nearDuplicates: {
    input: z.object({ hash: Hash, maxDistance: z.number().int().min(0).max(32).default(10) }),
    output: z.array(AssetSummary),
  },
  listErrors: { input: Nothing, output: z.array(FileError) },
  prioritize: { input: z.object({ paths: z.array(FolderPath).max(1000) }), output: z.object({ ok: z.literal(true) }) },
  setTags: {
    input: z.object({
      hashes: z.array(Hash).min(1).max(100_000),
      add: z.array(z.string().trim().min(1).max(200)).default([]),
      remove: z.array(z.string().max(200)).default([]),
    }),
    output: z.object({ changed: z.number().int() }),
  },
  listTags: { input: Nothing, output: z.array(TagCount) },
  /** Renames a tag everywhere; renaming onto an existing tag merges the two. */
  renameTag: { input: z.object({ from: TagName, to: TagName }), output: z.object({ changed: z.number().int() }) },
  listCollections: { input: Nothing, output: z.array(Collection) },
  createCollection: { input: z.object({ name: TagName }), output: Collection },
  renameCollection: { input: z.object({ id: z.string().max(64), name: TagName }), output: Collection },
  deleteCollection: { input: z.object({ id: z.string().max(64) }), output: z.object({ ok: z.literal(true) }) },
  addToCollection: {
    input: z.object({ id: z.string().max(64), hashes: z.array(Hash).min(1).max(100_000) }),
    output: Collection,
  },
  removeFromCollection: {
    input: z.object({ id: z.string().max(64), hashes: z.array(Hash).min(1).max(100_000) }),
    output: Collection,
  },
  listSavedSearches: { input: Nothing, output: z.array(SavedSearch) },
  saveSearch: { input: z.object({ name: TagName, query: SearchQuery }), output: SavedSearch },
  deleteSavedSearch: { input: z.object({ id: z.string().max(64) }), output: z.object({ ok: z.literal(true) }) },

  getAiSettings: {
    input: Nothing,
    output: z.object({ settings: AiSettings, hasStoredKeys: z.boolean(), canStoreKeys: z.boolean() }),
  },
  updateAiSettings: { input: AiSettings.partial().strict(), output: AiSettings },
  /** Desktop only: the key pair is encrypted by the OS keychain and never returned. */
  storeAccessKeys: {
    input: z
      .object({
        accessKeyId: z
          .string()
          .trim()
          .regex(/^[A-Z0-9]{16,128}$/, 'not an AWS access key id'),
        secretAccessKey: z.string().trim().min(16).max(256),
        sessionToken: z.string().trim().max(4096).optional(),
      })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  clearAccessKeys: { input: Nothing, output: z.object({ ok: z.literal(true) }) },
  testConnection: { input: Nothing, output: ConnectionCheck },
  /** Never fails for want of credentials, permission or network: the reply says which, as the connection test does. */
  listAvailableModels: { input: Nothing, output: ModelCatalog },
  estimateAnalysis: { input: AnalysisTarget, output: CostEstimate },
  startAnalysis: { input: AnalysisTarget, output: z.object({ batchId: z.string(), queued: z.number().int() }) },
  /** The same images as a Bedrock batch job (see estimateAnalysis's `batch` for whether it can be one). */
  startBatchAnalysis: { input: AnalysisTarget, output: BatchJob },
  listBatchJobs: { input: Nothing, output: z.array(BatchJob) },
  stopBatchJob: { input: z.object({ id: Id }).strict(), output: BatchJob },
  /** Writes and reads a small object under the batch S3 location with these credentials; never fails for their want. */
  checkBatchSetup: { input: Nothing, output: BatchCheck },
  analysisProgress: { input: Nothing, output: AnalysisProgress },
  pauseAnalysis: { input: Nothing, output: AnalysisProgress },
  resumeAnalysis: { input: Nothing, output: AnalysisProgress },
  cancelAnalysis: {
    input: z.object({ batchId: z.string().max(64).optional() }).strict(),
    output: z.object({ cancelled: z.number().int() }),
  },
  listAnalysisJobs: {
    input: z
      .object({ states: z.array(z.enum(JOB_STATES)).optional(), limit: z.number().int().min(1).max(5000).default(500) })
      .strict(),
    output: z.array(AnalysisJob),
  },
  /** Every analyzer's answer for this image, the local analyzer's first. */
  getModelAnalyses: { input: z.object({ hash: Hash }), output: z.array(ModelAnalysis) },
  /** Exactly what would be sent to the model for this image. */
  previewModelInput: { input: z.object({ hash: Hash }), output: ModelInputPreview },
  usageReport: {
    input: z.object({ days: z.number().int().min(1).max(366).default(30) }).strict(),
    output: UsageReport,
  },

  /** Items with model answers, oldest answer first, filtered; `pending` counts the whole library. */
  reviewQueue: { input: ReviewQueueQuery, output: ReviewQueuePage },
  getReviewItem: { input: z.object({ hash: Hash }), output: ReviewItem },
  /** One keypress's decisions (e.g. accept all), recorded as one batch with the reviewer's name. */
  reviewDecide: {
    input: z.object({ hash: Hash, reviewer: ReviewerName, decisions: z.array(DecisionInput).min(1).max(20) }).strict(),
    output: ReviewItem,
  },
  /**
   * Takes (or renews) this reviewer's short lease on the item they have open, so other reviewers of a
   * team library move past it; says who holds it otherwise. Always held in a library of one's own.
   */
  holdReviewItem: { input: z.object({ hash: Hash, reviewer: ReviewerName }).strict(), output: ReviewHold },
  releaseReviewItem: {
    input: z.object({ hash: Hash, reviewer: ReviewerName }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** Takes back this reviewer's latest standing batch on the item, as a new record. */
  reviewUndo: { input: z.object({ hash: Hash, reviewer: ReviewerName }).strict(), output: ReviewItem },
  /** The local analyzer's pattern labels, colour names and repeat size for one image, as people corrected them. */
  getAssetLabels: { input: z.object({ hash: Hash }).strict(), output: AssetLabels },
  /** A person's corrections of local labels for these images, as one batch (one undo takes it all back). */
  correctLabels: {
    input: z
      .object({
        hashes: z.array(Hash).min(1).max(100_000),
        reviewer: ReviewerName,
        corrections: z.array(CorrectionInput).min(1).max(3),
      })
      .strict(),
    output: z.object({ batch: z.string().nullable(), changed: z.number().int() }),
  },
  /** Takes back a batch of corrections, or this reviewer's latest standing one on an image, as a new record. */
  undoLabelCorrection: {
    input: z.union([
      z.object({ reviewer: ReviewerName, hash: Hash }).strict(),
      z.object({ reviewer: ReviewerName, batch: Id }).strict(),
    ]),
    output: z.object({ undone: z.number().int() }),
  },
  qualityReport: { input: Nothing, output: QualityReport },
  /**
   * The AI-written paragraph about what reviewers change (Amazon Bedrock only), from the highlights' counts:
   * the stored one unless `fresh`; streamed with a `streamId`.
   */
  summariseReviewHighlights: {
    input: z.object({ fresh: z.boolean().optional(), streamId: StreamId.optional() }).strict(),
    output: ReviewSummaryState,
  },
  /** Approved attributes, one record per image, paths relative to the library folder. */
  exportReviewed: {
    input: z.object({ format: z.enum(['json', 'csv']) }).strict(),
    output: z.object({ filename: z.string(), content: z.string() }),
  },
  /** Writes a Bedrock distillation dataset (JSONL + images to upload) into the data folder's exports. */
  exportDistillation: {
    input: z
      .object({
        s3Prefix: z.string().regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/\S*)?$/, 'an s3://bucket/prefix'),
        bucketOwner: z
          .string()
          .regex(/^\d{12}$/)
          .optional(),
      })
      .strict(),
    output: z.object({
      folder: z.string(),
      lines: z.number().int(),
      images: z.number().int(),
      skipped: z.array(z.object({ hash: z.string(), reason: z.string() })),
    }),
  },

  ...adsContract,
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

/** The shape both the implementation and every client have. */
export type SwatchbookApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

/** Live events pushed from the engine to the UI. */
export const ApiEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: IngestProgress }),
  z.object({ type: z.literal('assetsChanged'), paths: z.array(z.string()) }),
  z.object({ type: z.literal('foldersChanged') }),
  z.object({ type: z.literal('analysisProgress'), progress: AnalysisProgress }),
  z.object({ type: z.literal('analysesChanged'), hashes: z.array(z.string()) }),
  z.object({ type: z.literal('batchJob'), job: BatchJob }),
  z.object({ type: z.literal('adsChanged'), campaignId: z.string() }),
  z.object({ type: z.literal('libraryOpening'), opening: LibraryOpening }),
  z.object({ type: z.literal('teamStatus'), status: TeamStatus }),
  z.object({ type: z.literal('storage'), storage: StorageHealth }),
  /** A watched model answer so far (see StreamId): the tool's JSON as it arrives, not yet validated. */
  z.object({ type: z.literal('modelText'), streamId: z.string(), text: z.string() }),
  /** Other members' changes arrived: these images (and maybe folders, collections, campaigns) changed. */
  z.object({ type: z.literal('teamChanges'), hashes: z.array(z.string()) }),
]);
export type ApiEvent = z.infer<typeof ApiEvent>;

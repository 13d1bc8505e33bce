import type { ReviewDecision } from '../../shared/model/review';
import type { LabelCorrection } from '../../shared/model/correction';
import type { TeamBudget } from '../../shared/model/team';
import type { ReviewSummary } from '../../shared/model/review';
import type { AdVariant, Campaign } from '../../shared/model/ads';
import type { BatchJob } from '../../shared/model/batch';
import type {
  AiSettings,
  AnalysisJob,
  Asset,
  Collection,
  IngestJob,
  Invocation,
  LibraryFolder,
  ModelAnalysis,
  SavedSearch,
} from '../../shared/model';
import type { FileRecord } from './library-store';

/** Bump with a migration in migrations.ts whenever the document's shape changes. */
export const SCHEMA_VERSION = 9;

/**
 * The library as one document in memory (on disk split into library.json and record shards,
 * see sharded-json-files.ts). `seq` is the last journal entry the snapshot includes.
 */
export interface LibraryDocument {
  schemaVersion: number;
  seq: number;
  /** In a copy of a team library: the last change of the team's log applied here (absent elsewhere). */
  teamSeq?: number;
  folders: LibraryFolder[];
  files: FileRecord[];
  assets: Asset[];
  jobs: IngestJob[];
  collections: Collection[];
  savedSearches: SavedSearch[];
  /** null until the user first changes a setting: defaults then come from the code. */
  aiSettings: AiSettings | null;
  /** In a copy of a team library whose admin set one: the team's monthly budget (absent elsewhere). */
  teamBudget?: TeamBudget;
  /** The AI-written paragraph about what reviewers change, once asked for (absent until then). */
  reviewSummary?: ReviewSummary;
  modelAnalyses: ModelAnalysis[];
  analysisJobs: AnalysisJob[];
  /** Bedrock batch inference jobs, once one was started (absent until then). */
  batchJobs?: BatchJob[];
  invocations: Invocation[];
  /** Append-only: every reviewer decision ever made. */
  reviewDecisions: ReviewDecision[];
  campaigns: Campaign[];
  adVariants: AdVariant[];
  /** Append-only: every correction people made of the local analyzer's labels. */
  labelCorrections: LabelCorrection[];
}

export function emptyDocument(): LibraryDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    seq: 0,
    folders: [],
    files: [],
    assets: [],
    jobs: [],
    collections: [],
    savedSearches: [],
    aiSettings: null,
    modelAnalyses: [],
    analysisJobs: [],
    invocations: [],
    reviewDecisions: [],
    campaigns: [],
    adVariants: [],
    labelCorrections: [],
  };
}

import type { AiSettings, AnalysisJob, Asset, AssetLocation, IngestJob, Invocation, LibraryFolder, ModelAnalysis, ParsedSearchQuery } from '../../shared/model';
import type { ReviewDecision } from '../../shared/model/review';
import type { AdVariant, Campaign } from '../../shared/model/ads';
import type { VariantPatch } from './ads-state';
import type { AnalysisJobPatch } from './analysis-state';
import type { JobPatch } from './library-store';

/**
 * Every mutation as data: the same op is appended to the journal and applied to memory,
 * so replay after a crash runs exactly the code that ran live. Ops carry their own
 * timestamps to keep replay deterministic.
 */
export type LibraryOp =
  | { type: 'addFolder'; path: string; at: number }
  | { type: 'removeFolder'; path: string }
  | { type: 'setFolderState'; path: string; state: LibraryFolder['state']; error: string | null }
  | { type: 'recordAsset'; location: AssetLocation; asset: Asset }
  | { type: 'addLocation'; location: AssetLocation; hash: string }
  | { type: 'recordError'; path: string; reason: string; fileSize?: number; mtimeMs?: number; at: number }
  | { type: 'removeFile'; path: string }
  | { type: 'putJobs'; jobs: IngestJob[] }
  | { type: 'updateJob'; path: string; patch: JobPatch }
  | { type: 'removeJobs'; paths: string[] }
  | { type: 'clearFinishedJobs' }
  | { type: 'setTags'; hashes: string[]; add: string[]; remove: string[] }
  | { type: 'renameTag'; from: string; to: string }
  | { type: 'recordReviewDecisions'; decisions: ReviewDecision[] }
  | OrganisingOp
  | AnalysisOp
  | AdsOp;

/** Collections and saved searches: ids are made by the caller, so replay is deterministic. */
export type OrganisingOp =
  | { type: 'createCollection'; id: string; name: string; at: number }
  | { type: 'renameCollection'; id: string; name: string }
  | { type: 'deleteCollection'; id: string }
  | { type: 'addToCollection'; id: string; hashes: string[] }
  | { type: 'removeFromCollection'; id: string; hashes: string[] }
  | { type: 'saveSearch'; id: string; name: string; query: ParsedSearchQuery; at: number }
  | { type: 'deleteSavedSearch'; id: string };

/** Model analyses, their job queue, the invocation log and the AI settings. */
export type AnalysisOp =
  | { type: 'setAiSettings'; settings: AiSettings }
  | { type: 'recordModelAnalysis'; analysis: ModelAnalysis }
  | { type: 'putAnalysisJobs'; jobs: AnalysisJob[] }
  | { type: 'updateAnalysisJob'; id: string; patch: AnalysisJobPatch }
  | { type: 'removeAnalysisJobs'; ids: string[] }
  | { type: 'recordInvocation'; invocation: Invocation };

/** Ad campaigns and their variants. */
export type AdsOp =
  | { type: 'putCampaign'; campaign: Campaign }
  | { type: 'deleteCampaign'; id: string }
  | { type: 'putVariants'; variants: AdVariant[] }
  | { type: 'updateVariant'; id: string; patch: VariantPatch }
  | { type: 'deleteVariant'; id: string };

export interface JournalEntry {
  seq: number;
  op: LibraryOp;
}

export const OP_TYPES: ReadonlySet<string> = new Set<LibraryOp['type']>([
  'addFolder',
  'removeFolder',
  'setFolderState',
  'recordAsset',
  'addLocation',
  'recordError',
  'removeFile',
  'putJobs',
  'updateJob',
  'removeJobs',
  'clearFinishedJobs',
  'setTags',
  'renameTag',
  'createCollection',
  'renameCollection',
  'deleteCollection',
  'addToCollection',
  'removeFromCollection',
  'saveSearch',
  'deleteSavedSearch',
  'setAiSettings',
  'recordModelAnalysis',
  'putAnalysisJobs',
  'updateAnalysisJob',
  'removeAnalysisJobs',
  'recordInvocation',
  'recordReviewDecisions',
  'putCampaign',
  'deleteCampaign',
  'putVariants',
  'updateVariant',
  'deleteVariant',
]);

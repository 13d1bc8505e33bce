import type {
  AiSettings,
  AnalysisJob,
  Asset,
  AssetLocation,
  IngestJob,
  Invocation,
  LibraryFolder,
  ModelAnalysis,
  ParsedSearchQuery,
} from '../../shared/model';
import type { ReviewDecision, ReviewSummary } from '../../shared/model/review';
import type { BatchJob } from '../../shared/model/batch';
import type { LabelCorrection } from '../../shared/model/correction';
import type { TeamBudget } from '../../shared/model/team';
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
  /** `name`: in a team library's log, the folder's name for the team (see team/shared-folders.ts). */
  | { type: 'addFolder'; path: string; at: number; name?: string }
  | { type: 'removeFolder'; path: string }
  /** `since`: when it went offline; absent from ops journaled before it was kept. */
  | { type: 'setFolderState'; path: string; state: LibraryFolder['state']; error: string | null; since?: number | null }
  | { type: 'recordAsset'; location: AssetLocation; asset: Asset }
  | { type: 'addLocation'; location: AssetLocation; hash: string }
  | { type: 'recordError'; path: string; reason: string; fileSize?: number; mtimeMs?: number; at: number }
  | { type: 'removeFile'; path: string }
  | { type: 'putJobs'; jobs: IngestJob[] }
  | { type: 'updateJob'; path: string; patch: JobPatch }
  | { type: 'removeJobs'; paths: string[] }
  | { type: 'setTags'; hashes: string[]; add: string[]; remove: string[] }
  | { type: 'renameTag'; from: string; to: string }
  | { type: 'recordReviewDecisions'; decisions: ReviewDecision[] }
  /** One batch of people's corrections of local labels: one journal line, so never half-written. */
  | { type: 'recordLabelCorrections'; corrections: LabelCorrection[] }
  | OrganisingOp
  | AnalysisOp
  | AdsOp
  | TeamOp;

/**
 * Changes other members of a team library made, applied in the team's order, and how far along
 * the team's log this copy now is: one journal line, so the position and the changes it covers
 * are never recorded apart (a crash between the two would apply a change twice, or never).
 */
export interface TeamOp {
  type: 'applyTeamChanges';
  through: number;
  ops: LibraryOp[];
}

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
  | { type: 'setTeamBudget'; budget: TeamBudget }
  | { type: 'setReviewSummary'; summary: ReviewSummary }
  | { type: 'recordModelAnalysis'; analysis: ModelAnalysis }
  | { type: 'putAnalysisJobs'; jobs: AnalysisJob[] }
  | { type: 'updateAnalysisJob'; id: string; patch: AnalysisJobPatch }
  | { type: 'removeAnalysisJobs'; ids: string[] }
  | { type: 'recordInvocation'; invocation: Invocation }
  | { type: 'putBatchJob'; job: BatchJob };

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

/*
 * Every op type, by the part of the state that applies it. Records, so the compiler insists
 * every type is listed exactly once: replay rejects a type missing from OP_TYPES as corruption.
 */
type CoreOp = Exclude<LibraryOp, OrganisingOp | AnalysisOp | AdsOp>;
const CORE_OPS: Record<CoreOp['type'], true> = {
  addFolder: true,
  removeFolder: true,
  setFolderState: true,
  recordAsset: true,
  addLocation: true,
  recordError: true,
  removeFile: true,
  putJobs: true,
  updateJob: true,
  removeJobs: true,
  setTags: true,
  renameTag: true,
  recordReviewDecisions: true,
  recordLabelCorrections: true,
  applyTeamChanges: true,
};
const ORGANISING_OPS: Record<OrganisingOp['type'], true> = {
  createCollection: true,
  renameCollection: true,
  deleteCollection: true,
  addToCollection: true,
  removeFromCollection: true,
  saveSearch: true,
  deleteSavedSearch: true,
};
const ANALYSIS_OPS: Record<AnalysisOp['type'], true> = {
  setAiSettings: true,
  setTeamBudget: true,
  setReviewSummary: true,
  recordModelAnalysis: true,
  putAnalysisJobs: true,
  updateAnalysisJob: true,
  removeAnalysisJobs: true,
  recordInvocation: true,
  putBatchJob: true,
};
const ADS_OPS: Record<AdsOp['type'], true> = {
  putCampaign: true,
  deleteCampaign: true,
  putVariants: true,
  updateVariant: true,
  deleteVariant: true,
};

export const OP_TYPES: ReadonlySet<string> = new Set(
  [CORE_OPS, ORGANISING_OPS, ANALYSIS_OPS, ADS_OPS].flatMap((group) => Object.keys(group)),
);

function opGuard<Op extends LibraryOp>(types: Record<Op['type'], true>): (op: LibraryOp) => op is Op {
  const set: ReadonlySet<string> = new Set(Object.keys(types));
  return (op): op is Op => set.has(op.type);
}

export const isOrganisingOp = opGuard<OrganisingOp>(ORGANISING_OPS);
export const isAnalysisOp = opGuard<AnalysisOp>(ANALYSIS_OPS);
export const isAdsOp = opGuard<AdsOp>(ADS_OPS);

/** Runs `work`, telling whether it threw rather than throwing. */
export function attempt(work: () => unknown): boolean {
  try {
    work();
    return true;
  } catch {
    return false;
  }
}

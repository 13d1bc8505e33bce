import type { LibraryOp } from '../store';

/**
 * Which of a member's changes the team shares, by op type: a record, so the compiler insists that
 * every new kind of change is decided here. What stays on the machine is the machine's own work and
 * state: its ingest and analysis queues, whether a folder is reachable from it, files it could not
 * read (a share that dropped here may be fine elsewhere), and the AI settings, which hold its
 * credential source and region (the team's budget is its own step, not a setting copied around).
 */
const SHARED: Record<LibraryOp['type'], boolean> = {
  addFolder: true,
  removeFolder: true,
  setFolderState: false,
  recordAsset: true,
  addLocation: true,
  recordError: false,
  removeFile: true,
  putJobs: false,
  updateJob: false,
  removeJobs: false,
  setTags: true,
  renameTag: true,
  recordReviewDecisions: true,
  recordLabelCorrections: true,
  createCollection: true,
  renameCollection: true,
  deleteCollection: true,
  addToCollection: true,
  removeFromCollection: true,
  saveSearch: true,
  deleteSavedSearch: true,
  setAiSettings: false,
  setTeamBudget: true,
  // The AI-written summary of review highlights is paid for and read on this machine.
  setReviewSummary: false,
  recordModelAnalysis: true,
  putAnalysisJobs: false,
  updateAnalysisJob: false,
  removeAnalysisJobs: false,
  recordInvocation: true,
  // A batch job is followed by the machine that started it; its answers and calls are shared as they are read.
  putBatchJob: false,
  putCampaign: true,
  deleteCampaign: true,
  putVariants: true,
  updateVariant: true,
  deleteVariant: true,
  // Others' changes arriving here: never sent back.
  applyTeamChanges: false,
};

export function isSharedOp(op: LibraryOp): boolean {
  return SHARED[op.type];
}

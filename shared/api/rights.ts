import type { TeamRole } from '../model/team';
import type { ApiMethod } from './contract';

/**
 * The role a call needs in a team library (every other call is open to any member: browsing,
 * searching, reading, exporting, and this machine's own settings). In a library of one's own
 * everything is allowed. The database enforces the same line on what reaches the team's log.
 */
export const METHOD_ROLES: Partial<Record<ApiMethod, TeamRole>> = {
  addFolder: 'admin',
  removeFolder: 'admin',
  openDemoLibrary: 'admin',
  rescanFolder: 'reviewer',
  setTags: 'reviewer',
  renameTag: 'reviewer',
  createCollection: 'reviewer',
  renameCollection: 'reviewer',
  deleteCollection: 'reviewer',
  addToCollection: 'reviewer',
  removeFromCollection: 'reviewer',
  saveSearch: 'reviewer',
  deleteSavedSearch: 'reviewer',
  startAnalysis: 'reviewer',
  startBatchAnalysis: 'reviewer',
  stopBatchJob: 'reviewer',
  reviewDecide: 'reviewer',
  holdReviewItem: 'reviewer',
  releaseReviewItem: 'reviewer',
  reviewUndo: 'reviewer',
  correctLabels: 'reviewer',
  undoLabelCorrection: 'reviewer',
  summariseReviewHighlights: 'reviewer',
  createCampaign: 'reviewer',
  updateCampaign: 'reviewer',
  deleteCampaign: 'reviewer',
  rebuildConcepts: 'reviewer',
  editCutout: 'reviewer',
  chooseCutout: 'reviewer',
  refineCutout: 'reviewer',
  describeProduct: 'reviewer',
  generateAds: 'reviewer',
  editAdVariant: 'reviewer',
  cancelAdVariants: 'reviewer',
  retryAdVariant: 'reviewer',
  deleteAdVariant: 'reviewer',
  reviewAdVariant: 'reviewer',
  makeReel: 'reviewer',
};

/** What each role may do, in a sentence for refusals and Settings. */
export const ROLE_DESCRIPTIONS: Record<TeamRole, string> = {
  member: 'browse and search',
  reviewer: 'browse, search, review, tag, collect, analyse and make ads',
  admin: 'everything a reviewer does, and add or remove folders and set the team budget',
};

import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api';
import { callApi } from './api-query';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

/** Reads that show an asset's tags: results (a facet), the assets themselves, the tag list. */
const TAGS: QueryKey[] = [queryKeys.search, queryKeys.assets, queryKeys.tags];
/** Collection membership is a search filter and each collection's count. */
const COLLECTION_MEMBERS: QueryKey[] = [queryKeys.collections, queryKeys.search];
/** Stored keys decide which models the account lists. */
const ACCESS: QueryKey[] = [queryKeys.aiSettings, queryKeys.availableModels];
/**
 * The review status is a search facet and approved words are searchable (libraryStatus holds
 * neither). review-writes.ts also marks the decided asset stale, and patches the review queue
 * in place: a refetch would reshuffle the reviewer's list.
 */
const REVIEWED: QueryKey[] = [queryKeys.search, queryKeys.qualityReport];
/**
 * A corrected label is a facet, a search word, a grid cell's pattern and a quality figure; the
 * similar and duplicate strips show summaries too.
 */
const CORRECTED: QueryKey[] = [
  queryKeys.search,
  queryKeys.allAssetLabels,
  queryKeys.qualityReport,
  queryKeys.similar,
  queryKeys.duplicates,
];
/** A campaign and what a run of it would make. */
const CAMPAIGN_RUN: QueryKey[] = [queryKeys.campaigns, queryKeys.adsEstimates];

/** Which cached reads each write makes stale. */
const INVALIDATES: Partial<Record<ApiMethod, QueryKey[]>> = {
  addFolder: [queryKeys.libraryStatus],
  removeFolder: [queryKeys.libraryStatus, queryKeys.search, queryKeys.tags],
  rescanFolder: [queryKeys.libraryStatus],
  openDemoLibrary: [queryKeys.libraryStatus],
  setTags: TAGS,
  renameTag: TAGS,
  createCollection: [queryKeys.collections],
  renameCollection: [queryKeys.collections],
  deleteCollection: COLLECTION_MEMBERS,
  addToCollection: COLLECTION_MEMBERS,
  removeFromCollection: COLLECTION_MEMBERS,
  saveSearch: [queryKeys.savedSearches],
  deleteSavedSearch: [queryKeys.savedSearches],
  // Model, prices and budget change estimates and the budget state; searchUnreviewed changes results;
  // trusted fields change what the quality page says about overturned trust.
  updateAiSettings: [
    queryKeys.qualityReport,
    queryKeys.aiSettings,
    queryKeys.analysisEstimates,
    queryKeys.analysisProgress,
    queryKeys.usageReports,
    queryKeys.search,
  ],
  storeAccessKeys: ACCESS,
  clearAccessKeys: ACCESS,
  // The test call is logged and billed, and a success lifts an outage hold.
  testConnection: [queryKeys.usageReports, queryKeys.analysisProgress],
  startAnalysis: [queryKeys.analysisProgress, queryKeys.allAnalysisJobs, queryKeys.analysisEstimates],
  startBatchAnalysis: [queryKeys.batchJobs, queryKeys.analysisEstimates],
  stopBatchJob: [queryKeys.batchJobs],
  pauseAnalysis: [queryKeys.analysisProgress],
  resumeAnalysis: [queryKeys.analysisProgress],
  cancelAnalysis: [queryKeys.analysisProgress, queryKeys.allAnalysisJobs],
  reviewDecide: REVIEWED,
  reviewUndo: REVIEWED,
  correctLabels: CORRECTED,
  undoLabelCorrection: CORRECTED,
  // The summary is stored with the quality report, and its call is logged and billed.
  summariseReviewHighlights: [queryKeys.qualityReport, queryKeys.usageReports],
  // Model calls (refining the cut-out, describing the product) are logged and billed.
  createCampaign: [queryKeys.campaigns],
  updateCampaign: CAMPAIGN_RUN,
  deleteCampaign: [queryKeys.campaigns],
  rebuildConcepts: CAMPAIGN_RUN,
  editCutout: [queryKeys.campaigns, queryKeys.cutouts],
  refineCutout: [...CAMPAIGN_RUN, queryKeys.cutouts, queryKeys.usageReports],
  chooseCutout: [...CAMPAIGN_RUN, queryKeys.cutouts],
  describeProduct: [...CAMPAIGN_RUN, queryKeys.usageReports],
  generateAds: CAMPAIGN_RUN,
  editAdVariant: CAMPAIGN_RUN,
  reviewAdVariant: [queryKeys.campaigns],
  makeReel: [queryKeys.campaigns, queryKeys.usageReports],
};

/** Refreshes whatever a successful call to `method` made stale. */
export async function invalidateAfter(queryClient: QueryClient, method: ApiMethod): Promise<void> {
  await Promise.all((INVALIDATES[method] ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** A mutation for one API method that refreshes whatever it changed. */
export function useApiMutation<M extends ApiMethod>(method: M) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<ApiOutput<M>, Error, ApiInput<M>>({
    mutationFn: (input) => callApi(api, method, input),
    onSuccess: () => invalidateAfter(queryClient, method),
  });
}

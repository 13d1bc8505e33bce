import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

/** Which cached reads each write makes stale. */
const INVALIDATES: Partial<Record<ApiMethod, QueryKey[]>> = {
  addFolder: [queryKeys.libraryStatus],
  removeFolder: [queryKeys.libraryStatus, queryKeys.search, queryKeys.tags],
  rescanFolder: [queryKeys.libraryStatus],
  openDemoLibrary: [queryKeys.libraryStatus],
  setTags: [queryKeys.search, queryKeys.assets, queryKeys.tags],
  renameTag: [queryKeys.search, queryKeys.assets, queryKeys.tags],
  createCollection: [queryKeys.collections],
  renameCollection: [queryKeys.collections],
  deleteCollection: [queryKeys.collections, queryKeys.search],
  addToCollection: [queryKeys.collections, queryKeys.search],
  removeFromCollection: [queryKeys.collections, queryKeys.search],
  saveSearch: [queryKeys.savedSearches],
  deleteSavedSearch: [queryKeys.savedSearches],
  // Model, prices and budget change estimates and the budget state; searchUnreviewed changes results.
  updateAiSettings: [queryKeys.aiSettings, queryKeys.analysisEstimates, queryKeys.analysisProgress, queryKeys.usageReports, queryKeys.search],
  storeAccessKeys: [queryKeys.aiSettings, queryKeys.availableModels],
  clearAccessKeys: [queryKeys.aiSettings, queryKeys.availableModels],
  // The test call is logged and billed, and a success lifts an outage hold.
  testConnection: [queryKeys.usageReports, queryKeys.analysisProgress],
  startAnalysis: [queryKeys.analysisProgress, queryKeys.allAnalysisJobs, queryKeys.analysisEstimates],
  pauseAnalysis: [queryKeys.analysisProgress],
  resumeAnalysis: [queryKeys.analysisProgress],
  cancelAnalysis: [queryKeys.analysisProgress, queryKeys.allAnalysisJobs],
  // The review status is a search facet and approved words are searchable (libraryStatus holds
  // neither). review-writes.ts also marks the decided asset stale, and patches the review queue
  // in place: a refetch would reshuffle the reviewer's list.
  reviewDecide: [queryKeys.search, queryKeys.qualityReport],
  reviewUndo: [queryKeys.search, queryKeys.qualityReport],
  // Ad studio writes change their campaign and what a run would make; model calls are logged and billed.
  createCampaign: [queryKeys.campaigns],
  updateCampaign: [queryKeys.campaigns, queryKeys.adsEstimates],
  deleteCampaign: [queryKeys.campaigns],
  rebuildConcepts: [queryKeys.campaigns, queryKeys.adsEstimates],
  editCutout: [queryKeys.campaigns, queryKeys.cutouts],
  refineCutout: [queryKeys.campaigns, queryKeys.cutouts, queryKeys.usageReports, queryKeys.adsEstimates],
  describeProduct: [queryKeys.campaigns, queryKeys.usageReports, queryKeys.adsEstimates],
  generateAds: [queryKeys.campaigns, queryKeys.adsEstimates],
  reviewAdVariant: [queryKeys.campaigns],
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
    mutationFn: (input) => (api[method] as (input: ApiInput<M>) => Promise<ApiOutput<M>>)(input),
    onSuccess: () => invalidateAfter(queryClient, method),
  });
}

import type { ApiInput } from '../../shared/api';
import type { JobState } from '../../shared/model';
import { useApiQuery } from './api-query';
import { queryKeys } from './query-keys';

/** Which images a model run is about: listed hashes, or everything a search matches. */
export type AnalysisTarget = ApiInput<'estimateAnalysis'>;

export function useAiSettings() {
  return useApiQuery(queryKeys.aiSettings, 'getAiSettings', {});
}

/** Asks AWS, so only when a remote analyzer is chosen; "Refresh list" refetches. */
export function useAvailableModels(enabled: boolean) {
  return useApiQuery(
    queryKeys.availableModels,
    'listAvailableModels',
    {},
    { enabled, retry: false, staleTime: 10 * 60_000 },
  );
}

export function useAnalysisEstimate(target: AnalysisTarget, enabled: boolean) {
  return useApiQuery(queryKeys.analysisEstimate(target), 'estimateAnalysis', target, { enabled, staleTime: 0 });
}

/** Kept current by analysisProgress live events. */
export function useAnalysisProgress() {
  return useApiQuery(queryKeys.analysisProgress, 'analysisProgress', {});
}

export function useAnalysisJobs(states: readonly JobState[] | undefined) {
  return useApiQuery(queryKeys.analysisJobs(states), 'listAnalysisJobs', { states: states && [...states], limit: 500 });
}

/** Kept current by batchJob live events. */
export function useBatchJobs() {
  return useApiQuery(queryKeys.batchJobs, 'listBatchJobs', {});
}

export function useModelAnalyses(hash: string) {
  return useApiQuery(queryKeys.modelAnalyses(hash), 'getModelAnalyses', { hash });
}

/** Renders the images on the engine side: only once the user asks to see them. */
export function useModelInputPreview(hash: string, enabled: boolean) {
  return useApiQuery(queryKeys.modelInput(hash), 'previewModelInput', { hash }, { enabled });
}

export function useUsageReport(days: number) {
  return useApiQuery(queryKeys.usageReport(days), 'usageReport', { days });
}

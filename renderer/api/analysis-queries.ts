import { useQuery } from '@tanstack/react-query';
import type { ApiInput } from '../../shared/api';
import type { AnalysisJobState } from '../../shared/model';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

/** Which images a model run is about: listed hashes, or everything a search matches. */
export type AnalysisTarget = ApiInput<'estimateAnalysis'>;

export function useAiSettings() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.aiSettings, queryFn: () => api.getAiSettings({}) });
}

/** Asks AWS, so only when a remote analyzer is chosen; "Refresh list" refetches. */
export function useAvailableModels(enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.availableModels, queryFn: () => api.listAvailableModels({}), enabled, retry: false, staleTime: 10 * 60_000 });
}

export function useAnalysisEstimate(target: AnalysisTarget, enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.analysisEstimate(target), queryFn: () => api.estimateAnalysis(target), enabled, staleTime: 0 });
}

/** Kept current by analysisProgress live events. */
export function useAnalysisProgress() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.analysisProgress, queryFn: () => api.analysisProgress({}) });
}

export function useAnalysisJobs(states: readonly AnalysisJobState[] | undefined) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.analysisJobs(states), queryFn: () => api.listAnalysisJobs({ states: states && [...states], limit: 500 }) });
}

export function useModelAnalyses(hash: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.modelAnalyses(hash), queryFn: () => api.getModelAnalyses({ hash }) });
}

/** Renders the images on the engine side: only once the user asks to see them. */
export function useModelInputPreview(hash: string, enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.modelInput(hash), queryFn: () => api.previewModelInput({ hash }), enabled });
}

export function useUsageReport(days: number) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.usageReport(days), queryFn: () => api.usageReport({ days }) });
}

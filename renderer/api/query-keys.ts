import type { ApiInput } from '../../shared/api';
import type { AnalysisJobState, SearchQuery } from '../../shared/model';

/** Every query key in one place, so live events and mutations invalidate by prefix. */
export const queryKeys = {
  libraryStatus: ['libraryStatus'] as const,
  search: ['search'] as const,
  searchPage: (filters: SearchQuery, page: number) => ['search', filters, page] as const,
  asset: (hash: string) => ['asset', hash] as const,
  assets: ['asset'] as const,
  moreLikeThis: (hash: string) => ['moreLikeThis', hash] as const,
  nearDuplicates: (hash: string) => ['nearDuplicates', hash] as const,
  similar: ['moreLikeThis'] as const,
  duplicates: ['nearDuplicates'] as const,
  tags: ['tags'] as const,
  collections: ['collections'] as const,
  savedSearches: ['savedSearches'] as const,
  errors: ['errors'] as const,
  aiSettings: ['aiSettings'] as const,
  availableModels: ['availableModels'] as const,
  analysisEstimate: (target: ApiInput<'estimateAnalysis'>) => ['analysisEstimate', target] as const,
  analysisEstimates: ['analysisEstimate'] as const,
  analysisProgress: ['analysisProgress'] as const,
  analysisJobs: (states: readonly AnalysisJobState[] | undefined) => ['analysisJobs', states ?? 'all'] as const,
  allAnalysisJobs: ['analysisJobs'] as const,
  modelAnalyses: (hash: string) => ['modelAnalyses', hash] as const,
  modelInput: (hash: string) => ['modelInput', hash] as const,
  usageReport: (days: number) => ['usageReport', days] as const,
  usageReports: ['usageReport'] as const,
};

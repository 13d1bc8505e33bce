import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReviewQueueQuery } from '../../shared/model';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

/** Shared by the hook and prefetching, so "next" reads exactly what was preloaded. */
export function reviewItemOptions(api: ReturnType<typeof useApi>, hash: string) {
  return { queryKey: queryKeys.reviewItem(hash), queryFn: () => api.getReviewItem({ hash }) };
}

/** The whole filtered queue in one read (up to 20,000 entries); decisions patch it in place. */
export function useReviewQueue(query: ReviewQueueQuery) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.reviewQueue(query),
    queryFn: () => api.reviewQueue(query),
    // Changing a filter keeps the old list on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

export function useReviewItem(hash: string | null) {
  const api = useApi();
  return useQuery({ ...reviewItemOptions(api, hash ?? ''), enabled: hash !== null });
}

export function useQualityReport() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.qualityReport, queryFn: () => api.qualityReport({}) });
}

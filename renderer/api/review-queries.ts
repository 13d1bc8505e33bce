import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReviewQueueQuery } from '../../shared/model';
import { useApiQuery } from './api-query';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

/** Shared by the hook and prefetching, so "next" reads exactly what was preloaded. */
export function reviewItemOptions(api: ReturnType<typeof useApi>, hash: string) {
  return { queryKey: queryKeys.reviewItem(hash), queryFn: () => api.getReviewItem({ hash }) };
}

/** The whole filtered queue in one read (up to 20,000 entries); decisions patch it in place. */
/** `enabled`: false until the reviewer is known, so the first list already marks items others have open. */
export function useReviewQueue(query: ReviewQueueQuery, enabled = true) {
  // Changing a filter keeps the old list on screen until the new one arrives.
  return useApiQuery(queryKeys.reviewQueue(query), 'reviewQueue', query, {
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReviewItem(hash: string | null) {
  const api = useApi();
  return useQuery({ ...reviewItemOptions(api, hash ?? ''), enabled: hash !== null });
}

export function useQualityReport() {
  return useApiQuery(queryKeys.qualityReport, 'qualityReport', {});
}

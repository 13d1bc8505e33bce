import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchQuery } from '../../shared/model';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

export const SEARCH_PAGE_SIZE = 200;

export function useLibraryStatus() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.libraryStatus, queryFn: () => api.libraryStatus({}) });
}

/** One page of results; page 0 also carries the total and the facet counts. */
export function searchPageOptions(api: ReturnType<typeof useApi>, filters: SearchQuery, page: number) {
  return {
    queryKey: queryKeys.searchPage(filters, page),
    queryFn: () => api.search({ ...filters, offset: page * SEARCH_PAGE_SIZE, limit: SEARCH_PAGE_SIZE }),
    // Keep showing the previous grid while a new filter loads, instead of flashing empty.
    placeholderData: page === 0 ? keepPreviousData : undefined,
  };
}

export function useSearch(filters: SearchQuery) {
  const api = useApi();
  return useQuery(searchPageOptions(api, filters, 0));
}

/** Shared by useAsset and prefetching, so a prefetched asset is the one the hook reads. */
export function assetOptions(api: ReturnType<typeof useApi>, hash: string) {
  return { queryKey: queryKeys.asset(hash), queryFn: () => api.getAsset({ hash }) };
}

export function useAsset(hash: string | null) {
  const api = useApi();
  return useQuery({ ...assetOptions(api, hash ?? ''), enabled: hash !== null });
}

export function useMoreLikeThis(hash: string | null, limit = 24) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.moreLikeThis(hash ?? ''),
    queryFn: () => api.moreLikeThis({ hash: hash!, limit }),
    enabled: hash !== null,
  });
}

export function useNearDuplicates(hash: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.nearDuplicates(hash ?? ''),
    queryFn: () => api.nearDuplicates({ hash: hash!, maxDistance: 10 }),
    enabled: hash !== null,
  });
}

export function useTags() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.tags, queryFn: () => api.listTags({}) });
}

export function useCollections() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.collections, queryFn: () => api.listCollections({}) });
}

export function useSavedSearches() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.savedSearches, queryFn: () => api.listSavedSearches({}) });
}

export function useErrors(enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.errors, queryFn: () => api.listErrors({}), enabled });
}

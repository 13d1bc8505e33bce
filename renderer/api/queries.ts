import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { laterOpening, type LibraryOpening } from '../../shared/api';
import type { SearchQuery } from '../../shared/model';
import { useApiQuery } from './api-query';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

export const SEARCH_PAGE_SIZE = 200;

/** While the library opens the answer is kept current by events; polling covers one that went astray. */
const OPENING_POLL_MS = 2000;

/** Whether the library is open yet, and how far opening has got. */
export function useLibraryOpening() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.libraryOpening,
    // An event that arrived while this was asked may be newer than the reply.
    queryFn: async () =>
      laterOpening(queryClient.getQueryData<LibraryOpening>(queryKeys.libraryOpening), await api.libraryOpening({})),
    refetchInterval: (query) => (query.state.data?.state === 'opening' ? OPENING_POLL_MS : false),
    staleTime: Infinity,
  });
}

export function useLibraryStatus() {
  return useApiQuery(queryKeys.libraryStatus, 'libraryStatus', {});
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

export function useAsset(hash: string | null) {
  return useApiQuery(queryKeys.asset(hash ?? ''), 'getAsset', { hash: hash ?? '' }, { enabled: hash !== null });
}

/** The local analyzer's labels for one image as people corrected them, with the history. */
export function useAssetLabels(hash: string) {
  return useApiQuery(queryKeys.assetLabels(hash), 'getAssetLabels', { hash });
}

export function useMoreLikeThis(hash: string) {
  return useApiQuery(queryKeys.moreLikeThis(hash), 'moreLikeThis', { hash, limit: 24 });
}

export function useNearDuplicates(hash: string) {
  return useApiQuery(queryKeys.nearDuplicates(hash), 'nearDuplicates', { hash, maxDistance: 10 });
}

export function useTags() {
  return useApiQuery(queryKeys.tags, 'listTags', {});
}

export function useCollections() {
  return useApiQuery(queryKeys.collections, 'listCollections', {});
}

export function useSavedSearches() {
  return useApiQuery(queryKeys.savedSearches, 'listSavedSearches', {});
}

export function useErrors() {
  return useApiQuery(queryKeys.errors, 'listErrors', {});
}

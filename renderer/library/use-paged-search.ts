import { hashKey, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { AssetSummary, SearchResult } from '../../shared/model';
import { SEARCH_PAGE_SIZE, queryKeys, searchPageOptions, useApi } from '../api';
import type { Filters } from './url-state';

export interface IndexRange {
  start: number;
  end: number;
}

/**
 * Search results as a sparse list: page 0 (total + facets) is always loaded, other pages
 * only while their rows are on screen, so a 100,000-item library costs a few requests.
 */
export function usePagedSearch(filters: Filters, visible: IndexRange) {
  const api = useApi();
  const queryClient = useQueryClient();
  const first = useQuery(searchPageOptions(api, filters, 0));
  const total = first.data?.total ?? 0;
  const lastPage = Math.max(0, Math.ceil(total / SEARCH_PAGE_SIZE) - 1);
  const from = Math.max(1, Math.floor(visible.start / SEARCH_PAGE_SIZE));
  const to = Math.min(lastPage, Math.floor(visible.end / SEARCH_PAGE_SIZE));
  const pageNumbers = useMemo(() => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i), [from, to]);
  const rest = useQueries({ queries: pageNumbers.map((page) => searchPageOptions(api, filters, page)) });

  const pages = new Map<number, AssetSummary[]>();
  if (first.data && !first.isPlaceholderData) pages.set(0, first.data.items);
  pageNumbers.forEach((page, i) => {
    const items = rest[i]?.data?.items;
    if (items) pages.set(page, items);
  });
  // Before the new filter's first page arrives, keep drawing the old one rather than blanks.
  if (first.isPlaceholderData && first.data) pages.set(0, first.data.items);

  const itemAt = (index: number): AssetSummary | undefined =>
    pages.get(Math.floor(index / SEARCH_PAGE_SIZE))?.[index % SEARCH_PAGE_SIZE];

  /** Every item of this search that is in the cache, by index (for select-all and ranges). */
  const loadedItems = useCallback((): Map<number, AssetSummary> => {
    const loaded = new Map<number, AssetSummary>();
    // Exact filter match: TanStack's prefix matching would also pick up narrower searches.
    const wanted = hashKey([filters]);
    const predicate = (query: { queryKey: readonly unknown[] }) => hashKey([query.queryKey[1]]) === wanted;
    for (const [key, data] of queryClient.getQueriesData<SearchResult>({ queryKey: queryKeys.search, predicate })) {
      const page = key[2] as number;
      data?.items.forEach((item, i) => loaded.set(page * SEARCH_PAGE_SIZE + i, item));
    }
    return loaded;
  }, [queryClient, filters]);

  return {
    total,
    facets: first.data?.facets,
    itemAt,
    loadedItems,
    isLoading: first.isLoading,
    isFetching: first.isFetching || rest.some((q) => q.isFetching),
    error: first.error ?? rest.find((q) => q.error)?.error ?? null,
  };
}

export type PagedSearch = ReturnType<typeof usePagedSearch>;

import type { SearchQuery } from '../../shared/model';

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
};

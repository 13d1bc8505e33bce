import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { navigateTo, subscribeToLocation } from '../navigation/history';
import { normaliseFilters, parseViewState, serializeViewState, type Filters, type ViewState } from './url-state';

const readSearch = () => window.location.search;

export interface NavigateOptions {
  /** Replace the history entry instead of adding one (typing, dragging a slider). */
  replace?: boolean;
}

/** The view lives in the URL, so a reload or a bookmark restores it exactly. */
export function useViewState() {
  const search = useSyncExternalStore(subscribeToLocation, readSearch);
  const view = useMemo(() => parseViewState(search), [search]);

  const setView = useCallback((update: (current: ViewState) => ViewState, options: NavigateOptions = {}) => {
    const current = parseViewState(window.location.search);
    const next = update(current);
    const query = serializeViewState(
      { filters: normaliseFilters(next.filters), open: next.open },
      window.location.search,
    );
    if (query === window.location.search) return;
    navigateTo(`${window.location.pathname}${query}${window.location.hash}`, options);
  }, []);

  const setFilters = useCallback(
    (update: (current: Filters) => Filters, options?: NavigateOptions) =>
      setView((v) => ({ ...v, filters: update(v.filters) }), options),
    [setView],
  );
  const openAsset = useCallback((hash: string | null) => setView((v) => ({ ...v, open: hash })), [setView]);

  return { view, filters: view.filters, setFilters, setView, openAsset };
}

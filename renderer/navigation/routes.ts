import { useSyncExternalStore } from 'react';
import { navigateTo, subscribeToLocation } from './history';

/** The app's top-level views by URL path; anything else shows the library. */
export const ROUTES = {
  library: { path: '/', label: 'Library' },
  review: { path: '/review', label: 'Review' },
  quality: { path: '/quality', label: 'Quality' },
  ads: { path: '/ads', label: 'Ads' },
  usage: { path: '/usage', label: 'Usage' },
  settings: { path: '/settings', label: 'Settings' },
} as const;

export type Route = keyof typeof ROUTES;

function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  return (Object.keys(ROUTES) as Route[]).find((route) => ROUTES[route].path === path) ?? 'library';
}

/** The library's filters live in its query string: remembered while another view is open, restored on return. */
let librarySearch = '';

function rememberLibrarySearch(): void {
  if (routeOf(window.location.pathname) === 'library') librarySearch = window.location.search;
}

function subscribe(onChange: () => void): () => void {
  rememberLibrarySearch();
  return subscribeToLocation(() => {
    rememberLibrarySearch();
    onChange();
  });
}

const readPathname = () => window.location.pathname;

export function useRoute(): Route {
  return routeOf(useSyncExternalStore(subscribe, readPathname));
}

export function routeUrl(route: Route): string {
  return route === 'library' ? `${ROUTES.library.path}${librarySearch}` : ROUTES[route].path;
}

/** Opens a view; `search` (e.g. "?campaign=…") addresses a place inside it. */
export function goTo(route: Route, search = ''): void {
  rememberLibrarySearch();
  const url = search ? `${ROUTES[route].path}${search}` : routeUrl(route);
  if (url !== `${window.location.pathname}${window.location.search}`) navigateTo(url);
}

import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'swatchbook.reviewer';

function stored(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY)?.trim() ?? '';
  } catch {
    // Storage can be disabled; the name then lasts for this page only.
    return '';
  }
}

/**
 * One name for the whole page: the detail panel and the selection bar both record corrections,
 * and a name given in one must count in the other at once.
 */
let current: string | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): string {
  current ??= stored();
  return current;
}

function remember(next: string): void {
  current = next.trim();
  try {
    window.localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // See stored(): not remembered, still used.
  }
  for (const listener of listeners) listener();
}

/** Who is reviewing: asked once, remembered on this machine, recorded with every decision. */
export function useReviewerName(): [string, (name: string) => void] {
  return [useSyncExternalStore(subscribe, snapshot), remember];
}

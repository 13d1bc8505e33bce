import type { Shortcut } from '../components/ShortcutTable';

/** What a window-level key does in the library (grid keys are the grid's own, see grid-keys.ts). */
export type LibraryCommand = 'escape' | 'selectAll' | 'focusSearch' | 'toggleHelp' | 'toggleTiling';

/** The help dialog's table: kept next to the matcher below so the two cannot drift apart. */
export const LIBRARY_SHORTCUTS: Shortcut[] = [
  { keys: ['Tab', 'Enter'], does: 'From the top of the page: "Skip to images" takes focus to the grid' },
  { keys: ['←', '→', '↑', '↓'], does: 'Move between images (⇧ extends the selection)' },
  { keys: ['PgUp', 'PgDn', 'Home', 'End'], does: 'Move a screen, or to the first or last image' },
  { keys: ['Space'], does: 'Quick look: the image full-window; arrows move on, Space or Esc closes' },
  { keys: ['T'], does: 'In quick look: tile the image over the window, to see it repeat' },
  { keys: ['Enter'], does: 'Open the image in the detail panel' },
  { keys: ['Ctrl/⌘ A'], does: 'Select every image in the results' },
  { keys: ['/'], does: 'Search' },
  { keys: ['↑', '↓'], does: 'In the sidebar: move within a list of filters (each list is one Tab stop)' },
  { keys: ['←', '→'], does: 'In the folder tree: close or open a folder' },
  { keys: ['?'], does: 'This help' },
  { keys: ['Esc'], does: 'Close quick look, the detail panel or help, or clear the selection' },
];

export interface LibraryKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Focus is in a text field or other control that takes typing. */
  typing: boolean;
}

/** The command for a keydown anywhere in the library, or null (typing, browser shortcuts, grid keys). */
export function matchLibraryKey(event: LibraryKeyEvent): LibraryCommand | null {
  if (event.key === 'Escape') return event.typing ? null : 'escape';
  if (event.typing || event.altKey) return null;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') return 'selectAll';
  if (event.ctrlKey || event.metaKey) return null;
  if (event.key === '/') return 'focusSearch';
  if (event.key === '?') return 'toggleHelp';
  if (event.key === 't' || event.key === 'T') return 'toggleTiling';
  return null;
}

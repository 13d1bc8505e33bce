import type { Shortcut } from '../components/ShortcutTable';
/** What a key does in the review workspace. */
export type ReviewCommand =
  | 'next'
  | 'previous'
  | 'acceptAll'
  | 'rejectItem'
  | 'acceptField'
  | 'rejectField'
  | 'editField'
  | 'undo'
  | 'switchColumn'
  | 'toggleCompare'
  | 'toggleHelp'
  | 'clearFocus';

/** The help overlay's table: kept next to the matcher below so the two cannot drift apart. */
export const REVIEW_SHORTCUTS: Shortcut[] = [
  { keys: ['J', '↓'], does: 'Next item' },
  { keys: ['K', '↑'], does: 'Previous item' },
  { keys: ['A'], does: 'Accept all remaining fields (from the active column) and go to the next pending item' },
  { keys: ['R'], does: 'Reject the whole item and go to the next pending item' },
  { keys: ['1–9', '0'], does: 'Focus field 1–10' },
  { keys: ['Enter'], does: 'Accept the focused field from the active column' },
  { keys: ['X'], does: 'Reject the focused field' },
  { keys: ['E'], does: 'Edit the focused field (Enter saves, Esc cancels)' },
  {
    keys: ['Tab', '⇧Tab'],
    does: 'Switch the active column: answer under review ↔ compared answer (while both are shown)',
  },
  { keys: ['C'], does: 'Show or hide the compared answer' },
  { keys: ['U', 'Ctrl/⌘ Z'], does: 'Undo your last decision (takes you back to that item)' },
  { keys: ['?'], does: 'This help' },
  { keys: ['Esc'], does: 'Close help, cancel an edit, or take focus off a filter or button' },
];

const LETTERS: Record<string, ReviewCommand> = {
  j: 'next',
  k: 'previous',
  a: 'acceptAll',
  r: 'rejectItem',
  x: 'rejectField',
  e: 'editField',
  u: 'undo',
  c: 'toggleCompare',
};
const NAMED: Record<string, ReviewCommand> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Enter: 'acceptField',
  Tab: 'switchColumn',
  '?': 'toggleHelp',
};

export type ReviewKeyMatch = { command: ReviewCommand } | { field: number } | null;

/** Where typing happens: every key belongs to the control. */
function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Controls that Enter, Space and Tab already mean something to. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary, [role="button"]') !== null;
}

/** The command for a keydown, or null when the key is not the workspace's (typing, browser shortcuts). */
export function matchReviewKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): ReviewKeyMatch {
  // Esc leaves a filter or a button for the workspace keys (an editor handles its own Esc first).
  if (event.key === 'Escape') return { command: 'clearFocus' };
  if (isEditable(event.target)) return null;
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z') return { command: 'undo' };
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (/^[0-9]$/.test(event.key)) return { field: (Number(event.key) + 9) % 10 };
  const named = NAMED[event.key];
  if (named)
    return (named === 'acceptField' || named === 'switchColumn') && isControl(event.target) ? null : { command: named };
  const letter = LETTERS[event.key.toLowerCase()];
  return letter ? { command: letter } : null;
}

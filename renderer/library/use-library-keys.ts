import { useEffect, useLayoutEffect, useRef } from 'react';
import { matchLibraryKey, type LibraryCommand } from './library-keys';

/** Escape returns false when there was nothing to close: the key then goes on to the browser. */
export type LibraryKeyHandlers = Record<Exclude<LibraryCommand, 'escape'>, () => void> & { escape(): boolean };

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Window-level keys that work wherever focus is, except while typing. The listener is attached
 * once and always calls the handlers of the latest render.
 */
export function useLibraryKeys(handlers: LibraryKeyHandlers): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const { key, ctrlKey, metaKey, altKey } = event;
      const command = matchLibraryKey({ key, ctrlKey, metaKey, altKey, typing: isTyping(event.target) });
      if (command === null) return;
      if (command === 'escape') {
        if (latest.current.escape()) event.preventDefault();
        return;
      }
      event.preventDefault();
      latest.current[command]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

import { useEffect } from 'react';

interface LibraryKeyHandlers {
  onEscape(): boolean;
  onSelectAll(): void;
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Window-level keys that work wherever focus is, except while typing. */
export function useLibraryKeys({ onEscape, onSelectAll }: LibraryKeyHandlers): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isEditable(event.target)) return;
      if (event.key === 'Escape' && onEscape()) event.preventDefault();
      else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        onSelectAll();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onEscape, onSelectAll]);
}

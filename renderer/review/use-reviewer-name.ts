import { useCallback, useState } from 'react';

const STORAGE_KEY = 'swatchbook.reviewer';

function stored(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY)?.trim() ?? '';
  } catch {
    // Storage can be disabled; the name then lasts for this page only.
    return '';
  }
}

/** Who is reviewing: asked once, remembered on this machine, recorded with every decision. */
export function useReviewerName(): [string, (name: string) => void] {
  const [name, setName] = useState(stored);
  const remember = useCallback((next: string) => {
    const trimmed = next.trim();
    setName(trimmed);
    try {
      window.localStorage.setItem(STORAGE_KEY, trimmed);
    } catch {
      // See stored(): not remembered, still used.
    }
  }, []);
  return [name, remember];
}

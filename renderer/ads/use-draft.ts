import { useState } from 'react';

/** A form's working copy of an object, changed a few fields at a time. */
export function useDraft<T extends object>(initial: T | (() => T)): [T, (patch: Partial<T>) => void] {
  const [draft, setDraft] = useState(initial);
  return [draft, (patch) => setDraft((current) => ({ ...current, ...patch }))];
}

import { useState } from 'react';

/**
 * Local state that starts from a saved value and follows it when it changes elsewhere. A
 * control bound to it answers in the same event (a radio bound to the query cache would
 * flick back until the cache notifies), and still shows what the engine finally kept.
 */
export function useSyncedState<T>(value: T): [T, (next: T) => void] {
  const [state, setState] = useState(value);
  const [shown, setShown] = useState(value);
  if (!Object.is(shown, value)) {
    setShown(value);
    setState(value);
  }
  return [state, setState];
}

import { useEffect, useLayoutEffect, useRef } from 'react';
import { matchReviewKey, type ReviewCommand } from './review-keys';

/** A command returns false when the key meant nothing just now: the browser then does its default (Tab moves focus). */
export type ReviewCommands = Record<ReviewCommand, () => boolean | void> & { focusField(index: number): void };

/**
 * The workspace's keys, on the window so they work wherever focus is (except while typing).
 * The listener is attached once and always calls the commands of the latest render.
 */
export function useReviewKeys(commands: ReviewCommands): void {
  const latest = useRef(commands);
  useLayoutEffect(() => {
    latest.current = commands;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const match = matchReviewKey(event);
      if (!match) return;
      if ('field' in match) latest.current.focusField(match.field);
      else if (latest.current[match.command]() === false) return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

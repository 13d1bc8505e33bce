import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import { nextRovingIndex, type RovingAxis } from './roving-focus';

const ITEM = '[data-roving-item]';

export interface RovingHandlers {
  onKeyDown(event: KeyboardEvent): void;
  onFocus(event: FocusEvent): void;
}

/**
 * Makes the items (elements marked `data-roving-item`) inside a container one Tab stop: the last
 * focused item keeps tabindex 0, the others -1, and arrows move between them. The sidebar would
 * otherwise be a Tab stop per colour chip and folder, dozens of presses between search and grid.
 */
export function useRovingFocus(container: RefObject<HTMLElement | null>, axis: RovingAxis): RovingHandlers {
  const current = useRef(0);
  const items = () => [...(container.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
  const settle = (all: HTMLElement[], index: number) => {
    current.current = index;
    all.forEach((item, i) => (item.tabIndex = i === index ? 0 : -1));
  };
  // After every render: items come and go with the counts, and exactly one must stay reachable.
  useLayoutEffect(() => {
    const all = items();
    settle(all, Math.min(current.current, Math.max(0, all.length - 1)));
  });
  return {
    onFocus(event) {
      const all = items();
      const index = all.indexOf(event.target as HTMLElement);
      if (index >= 0) settle(all, index);
    },
    onKeyDown(event) {
      const all = items();
      const index = all.indexOf(event.target as HTMLElement);
      const next = index < 0 ? null : nextRovingIndex(event.key, index, all.length, axis);
      if (next === null) return;
      event.preventDefault();
      settle(all, next);
      all[next].focus();
    },
  };
}

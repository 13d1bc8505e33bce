import { useState } from 'react';

const KEY = 'swatchbook.thumbSize';
const DEFAULT = 160;
export const THUMB_SIZES = { min: 72, max: 512, step: 8 } as const;

/** Thumbnail size is a personal preference, not part of a shareable view: kept locally. */
export function useThumbSize(): [number, (size: number) => void] {
  const [size, setSize] = useState(() => {
    const stored = Number(localStorage.getItem(KEY));
    return stored >= THUMB_SIZES.min && stored <= THUMB_SIZES.max ? stored : DEFAULT;
  });
  const update = (next: number) => {
    setSize(next);
    localStorage.setItem(KEY, String(next));
  };
  return [size, update];
}

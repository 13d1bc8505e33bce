import { useState } from 'react';

const KEY = 'swatchbook.thumbSize';
const DEFAULT = 160;

/** Thumbnail size is a personal preference, not part of a shareable view: kept locally. */
export function useThumbSize(): [number, (size: number) => void] {
  const [size, setSize] = useState(() => {
    const stored = Number(localStorage.getItem(KEY));
    return stored >= 72 && stored <= 320 ? stored : DEFAULT;
  });
  const update = (next: number) => {
    setSize(next);
    localStorage.setItem(KEY, String(next));
  };
  return [size, update];
}

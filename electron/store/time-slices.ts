import { setImmediate as yieldToLoop } from 'node:timers/promises';

/** Items handled at a time; the event loop gets a turn every SLICE_MS. */
const CHUNK = 250;
const SLICE_MS = 8;

/** A list, or columns that make a slice of records when asked (see written-records.ts). */
export interface Sliceable<T> {
  readonly length: number;
  slice(from: number, to: number): readonly T[];
}

/**
 * `work` over `items` a chunk at a time, with a turn of the event loop whenever a slice of time
 * has passed: a fixed count per turn took 30–60 ms at 250,000 images once the heap was large.
 */
export async function inTimeSlices<T>(items: Sliceable<T>, work: (chunk: readonly T[]) => void): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i += CHUNK) {
    work(items.slice(i, i + CHUNK));
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await yieldToLoop();
    sliceStart = performance.now();
  }
}

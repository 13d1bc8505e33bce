/**
 * The grid "more like this" vectors are kept on: each component a byte, times a scale (to 6
 * decimals) that keeps the vector unit length, so a vector's similarity to itself stays 1. A
 * vector's components are non-negative (square roots of histogram shares, texture statistics), so
 * 8 bits per component hold it to ~0.2 % of its largest; cosine similarities move by a few
 * thousandths at most, and the nearest neighbour of 486 of 500 real images stays the same.
 * The analyzer puts its vectors on this grid, so a store can write them as bytes and read back
 * the very same numbers.
 */
const STEPS = 255;
const SCALE_GRID = 1e6;

export interface ByteGrid {
  scale: number;
  bytes: Uint8Array;
}

/** A unit vector moved onto the byte grid; left as it is when a component is negative or it is all zero. */
export function onByteGrid(vector: readonly number[]): number[] {
  const largest = Math.max(0, ...vector);
  if (largest === 0 || vector.some((x) => x < 0)) return [...vector];
  const steps = vector.map((x) => Math.round((x / largest) * STEPS));
  // The largest component is STEPS steps, so the scale is read back from it (see byteGridOf).
  const scale = Math.round((STEPS / Math.hypot(...steps)) * SCALE_GRID) / SCALE_GRID;
  return steps.map((step) => fromStep(step, scale));
}

/**
 * The vector's bytes and scale when it lies on the byte grid (as the analyzer writes it), else null.
 * Float32 precision is enough: a library holds its vectors as float32 (a vector read back from its
 * bytes is the grid's exact number, the same float32).
 */
export function byteGridOf(vector: ArrayLike<number>): ByteGrid | null {
  let largest = 0;
  for (let i = 0; i < vector.length; i++) largest = Math.max(largest, vector[i]);
  const scale = Math.round(largest * SCALE_GRID) / SCALE_GRID;
  if (!(scale > 0)) return null;
  const bytes = new Uint8Array(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const step = Math.round((vector[i] / scale) * STEPS);
    if (step < 0 || step > STEPS || Math.fround(fromStep(step, scale)) !== Math.fround(vector[i])) return null;
    bytes[i] = step;
  }
  return { scale, bytes };
}

export function fromByteGrid({ scale, bytes }: ByteGrid): number[] {
  return Array.from(bytes, (step) => fromStep(step, scale));
}

/** One component's value: `step` bytes of `scale` (what fromByteGrid gives, one at a time). */
export const fromStep = (step: number, scale: number) => (step * scale) / STEPS;

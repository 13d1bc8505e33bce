/**
 * The similarity vectors' rows as the open index holds them when every one is on the analyzer's byte
 * grid (see electron/pixels/vector-grid.ts): a byte per component and a scale per row, a quarter of
 * their float32 values, read back as the very float32 values memory held.
 */
import { byteGridOf, fromStep } from '../../pixels';
import type { RowColumn } from '../columns';

export interface VectorBytes {
  bytes: Uint8Array;
  scales: Float64Array;
}

/** The first `n` rows as bytes and scales, or null when a row is off the grid (an older analysis). */
export function vectorBytes(rows: RowColumn<Float32Array>, n: number): VectorBytes | null {
  const bytes = new Uint8Array(n * rows.width);
  const scales = new Float64Array(n);
  for (let slot = 0; slot < n; slot++) {
    if (rows.lengths[slot] === 0) continue;
    const grid = byteGridOf(rows.row(slot));
    if (!grid) return null;
    bytes.set(grid.bytes, slot * rows.width);
    scales[slot] = grid.scale;
  }
  return { bytes, scales };
}

/** The rows' float32 values again, with room for `capacity` rows. */
export function vectorsFromBytes({ bytes, scales }: VectorBytes, width: number, capacity: number): Float32Array {
  const data = new Float32Array(Math.max(capacity, scales.length) * width);
  for (let slot = 0; slot < scales.length; slot++) {
    const scale = scales[slot];
    if (scale === 0) continue;
    for (let i = slot * width; i < (slot + 1) * width; i++) data[i] = fromStep(bytes[i], scale);
  }
  return data;
}

/**
 * 64-bit DCT perceptual hash (pHash): 32×32 grey reduction, 2D DCT-II, the 8×8 lowest
 * frequencies compared against their median. Near-duplicates differ in a handful of bits.
 */
import type { Raster } from './raster';
import { resampleGrey, toGrey } from './grey';

const SIZE = 32;
const LOW = 8;
const COS = Array.from({ length: LOW }, (_, u) =>
  Float64Array.from({ length: SIZE }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE))),
);

export function perceptualHash(r: Raster): string {
  const g = resampleGrey(toGrey(r), SIZE, SIZE).data;
  // Separable DCT, keeping only the LOW×LOW block: rows first, then columns.
  const rows = new Float64Array(SIZE * LOW);
  for (let y = 0; y < SIZE; y++) {
    for (let u = 0; u < LOW; u++) {
      let s = 0;
      for (let x = 0; x < SIZE; x++) s += g[y * SIZE + x] * COS[u][x];
      rows[y * LOW + u] = s;
    }
  }
  const coef = new Float64Array(LOW * LOW);
  for (let v = 0; v < LOW; v++) {
    for (let u = 0; u < LOW; u++) {
      let s = 0;
      for (let y = 0; y < SIZE; y++) s += rows[y * LOW + u] * COS[v][y];
      coef[v * LOW + u] = s;
    }
  }
  // The DC term measures overall brightness only; leave it out of the median.
  const median = [...coef.subarray(1)].sort((a, b) => a - b)[Math.floor((LOW * LOW - 1) / 2)];
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let v = 0;
    for (let b = 0; b < 4; b++) v = (v << 1) | (coef[nibble * 4 + b] > median ? 1 : 0);
    hex += v.toString(16);
  }
  return hex;
}

/** Number of differing bits between two equal-length hex hashes. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new Error('hashes differ in length');
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    let x = parseInt(a[i], 16) ^ parseInt(b[i], 16);
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d;
}

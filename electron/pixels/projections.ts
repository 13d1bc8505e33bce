/**
 * Directional projections: the share of the image's variance that survives averaging along
 * rows, columns and the two diagonals. Stripes keep nearly all of it along their own direction
 * and none across; a random texture keeps almost none either way; a checkerboard none at all.
 */
import type { GreyImage } from './grey';

export interface Projections {
  /** The largest of the four shares, 0..1. */
  strongest: number;
  /** The second largest, 0..1: high too for a grid of lines, low for stripes. */
  second: number;
}

export function projections(g: GreyImage): Projections {
  const { width: w, height: h, data } = g;
  let sum = 0,
    sumSq = 0;
  for (let i = 0; i < w * h; i++) {
    sum += data[i];
    sumSq += data[i] * data[i];
  }
  const mean = sum / (w * h);
  const variance = sumSq / (w * h) - mean * mean;
  if (variance < 1e-6) return { strongest: 0, second: 0 };
  const shares = [
    lineVariance(w * h, h, (i) => Math.floor(i / w), data, mean),
    lineVariance(w * h, w, (i) => i % w, data, mean),
    lineVariance(w * h, w + h - 1, (i) => (i % w) + Math.floor(i / w), data, mean),
    lineVariance(w * h, w + h - 1, (i) => (i % w) - Math.floor(i / w) + h - 1, data, mean),
  ]
    .map((v) => Math.min(1, v / variance))
    .sort((a, b) => b - a);
  return { strongest: shares[0], second: shares[1] };
}

/** Pixel-weighted variance of the line means, for lines given by `line(i)`. */
function lineVariance(
  n: number,
  lines: number,
  line: (i: number) => number,
  data: Float32Array,
  mean: number,
): number {
  const sums = new Float64Array(lines);
  const counts = new Float64Array(lines);
  for (let i = 0; i < n; i++) {
    const l = line(i);
    sums[l] += data[i];
    counts[l]++;
  }
  let v = 0;
  // Short diagonal lines near the corners average few pixels: noise would pass for structure there.
  let weight = 0;
  for (let l = 0; l < lines; l++) {
    if (counts[l] < 16) continue;
    v += counts[l] * (sums[l] / counts[l] - mean) ** 2;
    weight += counts[l];
  }
  return weight ? v / weight : 0;
}

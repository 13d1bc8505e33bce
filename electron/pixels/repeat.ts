/**
 * Repeat (lattice) detection on an N×N centred grey grid: the FFT autocorrelation proposes
 * lattice vectors, and direct shifted correlation verifies and refines them to sub-pixel
 * precision by measuring at the largest multiple of the period that fits.
 */
import { shiftedNcc } from './autocorrelation';
import { AxisCorrelation } from './axis-correlation';

/** A lattice in grid pixels: basis (width, 0) and (offsetX, height). null width/height = constant along that axis. */
export interface GridLattice {
  width: number | null;
  height: number | null;
  offsetX: number;
  score: number;
}

const MIN_PEAK = 0.25;
const DIP = 0.12;

/** Autocorrelation at a wrapped lag (n is a power of two, so `& (n - 1)` wraps negatives too). */
function at(ac: Float32Array, n: number, dx: number, dy: number): number {
  return ac[(dy & (n - 1)) * n + (dx & (n - 1))];
}

/** True when the autocorrelation stays high along an axis: nothing changes that way (e.g. along a stripe). */
function isConstant(profile: (d: number) => number, n: number): boolean {
  return profile(3) > 0.92 && profile(Math.floor(n / 8)) > 0.85;
}

/** Smallest strong peak of a 1D autocorrelation profile that follows a real dip, or null. */
function firstPeak(profile: (d: number) => number, n: number): number | null {
  const peaks: { d: number; v: number }[] = [];
  let low = 1;
  for (let d = 1; d < n / 2; d++) {
    const v = profile(d);
    low = Math.min(low, v);
    if (d >= 2 && v >= MIN_PEAK && v >= profile(d - 1) && v >= profile(d + 1) && low < v - DIP) peaks.push({ d, v });
  }
  if (peaks.length === 0) return null;
  const best = Math.max(...peaks.map((p) => p.v));
  return peaks.find((p) => p.v >= 0.7 * best)!.d;
}

/**
 * Sub-pixel period along one axis: measure the correlation near 2×, 4×, 8×… the period,
 * each step halving the error, and fit a parabola to the best lag.
 */
function refine(axes: AxisCorrelation, n: number, period: number, axis: 'x' | 'y'): { period: number; score: number } {
  // Lags outside 1..n−8 overlap too little to trust: they score -1, as if uncorrelated.
  const ncc = (first: number, count: number) => {
    const from = Math.max(1, first),
      to = Math.min(n - 8, first + count - 1);
    const inside = to >= from ? axes.run(axis, from, to - from + 1) : [];
    return Array.from({ length: count }, (_, i) =>
      first + i >= from && first + i <= to ? inside[first + i - from] : -1,
    );
  };
  let estimate = period;
  let score = -1;
  for (let m = 1; m * estimate <= n / 2 + 2; m *= 2) {
    // After the first step the estimate is within a fraction of a pixel, so ±1 lag suffices.
    const reach = m === 1 ? 2 : 1;
    const first = Math.round(m * estimate) - reach;
    const values = ncc(first, 2 * reach + 1);
    const i = values.indexOf(Math.max(...values));
    let delta = 0;
    if (i > 0 && i < 2 * reach) {
      const [a, b, c] = [values[i - 1], values[i], values[i + 1]];
      const denom = a - 2 * b + c;
      if (denom < 0) delta = Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom));
    }
    estimate = (first + i + delta) / m;
    score = Math.max(score, values[i]);
  }
  return { period: estimate, score };
}

/** Second lattice vector: the nearest strong 2D peak above the horizontal axis. */
function secondVector(ac: Float32Array, n: number): { dx: number; dy: number } | null {
  const found: { dx: number; dy: number; v: number }[] = [];
  for (let dy = 1; dy < n / 2; dy++) {
    for (let dx = -n / 2 + 1; dx < n / 2; dx++) {
      const v = at(ac, n, dx, dy);
      if (v < MIN_PEAK || dx * dx + dy * dy < 4) continue;
      if (!isLocalMax(ac, n, dx, dy, v)) continue;
      if (at(ac, n, Math.round(dx / 2), Math.round(dy / 2)) > v - DIP) continue;
      found.push({ dx, dy, v });
    }
  }
  if (found.length === 0) return null;
  const best = Math.max(...found.map((f) => f.v));
  const strong = found.filter((f) => f.v >= 0.7 * best);
  strong.sort((p, q) => p.dy - q.dy || Math.abs(p.dx) - Math.abs(q.dx));
  return strong[0];
}

function isLocalMax(ac: Float32Array, n: number, dx: number, dy: number, v: number): boolean {
  for (let j = -1; j <= 1; j++)
    for (let i = -1; i <= 1; i++) if ((i || j) && at(ac, n, dx + i, dy + j) > v) return false;
  return true;
}

/** A stripe-like (one-dimensional) lattice: each axis is either constant or periodic on its own. */
export function stripeLattice(grid: Float32Array, n: number, ac: Float32Array): GridLattice | null {
  return stripeLatticeOf(new AxisCorrelation(grid, n), n, ac);
}

function stripeLatticeOf(axes: AxisCorrelation, n: number, ac: Float32Array): GridLattice | null {
  const px = (d: number) => at(ac, n, d, 0);
  const py = (d: number) => at(ac, n, 0, d);
  const axis = (p: (d: number) => number, a: 'x' | 'y') => {
    if (isConstant(p, n)) return { period: null, score: 1 };
    const first = firstPeak(p, n);
    return first === null ? null : refine(axes, n, first, a);
  };
  const x = axis(px, 'x');
  const y = axis(py, 'y');
  if (!x || !y || (x.period === null && y.period === null)) return null;
  return { width: x.period, height: y.period, offsetX: 0, score: Math.max(0, Math.min(x.score, y.score)) };
}

/**
 * A two-dimensional lattice (checks, dots, half-drops) or null. `aspect` is the raster's
 * width / height: the grid stretches the raster to a square, so x and y units differ.
 */
export function gridLattice(grid: Float32Array, n: number, ac: Float32Array, aspect = 1): GridLattice | null {
  const px = (d: number) => at(ac, n, d, 0);
  const py = (d: number) => at(ac, n, 0, d);
  const axes = new AxisCorrelation(grid, n);
  if (isConstant(px, n) || isConstant(py, n)) return stripeLatticeOf(axes, n, ac);
  const firstX = firstPeak(px, n);
  const second = secondVector(ac, n);
  if (firstX === null || second === null) return null;
  const x = refine(axes, n, firstX, 'x');
  const width = x.period;
  let ox = ((second.dx % width) + width) % width;
  const shear = Math.min(ox, width - ox);
  // Prefer a plain rectangular tile unless the rows really shift (half-drop, not a checkerboard's diagonal).
  const firstY = firstPeak(py, n);
  if (shear <= 1 || (shear * aspect >= second.dy * 0.75 && firstY !== null)) {
    if (firstY === null) return null;
    const y = refine(axes, n, firstY, 'y');
    return { width, height: y.period, offsetX: 0, score: Math.max(0, Math.min(x.score, y.score)) };
  }
  let height = second.dy;
  let score = shiftedNcc(grid, n, n, Math.round(second.dx), second.dy);
  if (Math.abs(shear - width / 2) <= 1) {
    // Half-drop: (0, 2·height) is a pure vertical lattice vector, so refine along y there.
    const y = refine(axes, n, 2 * second.dy, 'y');
    height = y.period / 2;
    ox = width / 2;
    score = Math.max(score, y.score);
  }
  return { width, height, offsetX: ox, score: Math.max(0, Math.min(x.score, score)) };
}

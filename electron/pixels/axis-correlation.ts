/**
 * Normalised cross-correlation of an N×N centred grid with itself shifted along one axis,
 * for runs of consecutive lags: what the repeat refinement asks for (see repeat.ts). Three
 * lags share one pass over the grid, and the energy of each overlap comes from per-row and
 * per-column sums of squares, so a lag costs about a third of a direct correlation.
 */
export class AxisCorrelation {
  /** below.x[k]: sum of squares of columns 0..k−1; below.y[k]: of rows 0..k−1. */
  private below: { x: Float64Array; y: Float64Array } | null = null;

  constructor(
    private readonly grid: Float32Array,
    private readonly n: number,
  ) {}

  /** Correlations at lags first, first+1, … (count of them) along `axis`; every lag in 1..n−1. */
  run(axis: 'x' | 'y', first: number, count: number): number[] {
    const below = (this.below ??= energiesBelow(this.grid, this.n))[axis];
    const out: number[] = [];
    for (let lag = first; lag < first + count; lag += 3) {
      const group = Math.min(3, first + count - lag);
      const cross =
        group === 3 ? tripleCross(this.grid, this.n, lag, axis) : singleCrosses(this.grid, this.n, lag, group, axis);
      for (let j = 0; j < group; j++) {
        // The overlap is lines 0..n−lag−1 of the grid and lines lag..n−1 of its shifted copy.
        const l = lag + j;
        const aa = below[this.n - l],
          bb = below[this.n] - below[l];
        out.push(aa > 0 && bb > 0 ? cross[j] / Math.sqrt(aa * bb) : 0);
      }
    }
    return out;
  }
}

function energiesBelow(d: Float32Array, n: number): { x: Float64Array; y: Float64Array } {
  const column = new Float64Array(n),
    row = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    let sum = 0;
    for (let x = 0, i = y * n; x < n; x++, i++) {
      const e = d[i] * d[i];
      column[x] += e;
      sum += e;
    }
    row[y] = sum;
  }
  const cumulative = (lines: Float64Array) => {
    const out = new Float64Array(n + 1);
    for (let k = 0; k < n; k++) out[k + 1] = out[k] + lines[k];
    return out;
  };
  return { x: cumulative(column), y: cumulative(row) };
}

/** Σ d[p] · d[p shifted by lag + j] over the overlap, for j = 0, 1, 2 (lag + 2 ≤ n − 1). */
function tripleCross(d: Float32Array, n: number, lag: number, axis: 'x' | 'y'): number[] {
  let s0 = 0,
    s1 = 0,
    s2 = 0;
  const end = n - lag - 2;
  if (axis === 'x') {
    for (let y = 0; y < n; y++) {
      const row = y * n;
      // Each pixel's three partners are consecutive: two are carried over from the last pixel.
      let b0 = d[row + lag],
        b1 = d[row + lag + 1];
      for (let x = 0; x < end; x++) {
        const a = d[row + x],
          b2 = d[row + x + lag + 2];
        s0 += a * b0;
        s1 += a * b1;
        s2 += a * b2;
        b0 = b1;
        b1 = b2;
      }
      // The overlap's last two columns: lag + 2 has run out of partners, then lag + 1.
      const a = d[row + end];
      s0 += a * b0;
      s1 += a * b1;
      s0 += d[row + end + 1] * b1;
    }
    return [s0, s1, s2];
  }
  for (let y = 0; y < end; y++) {
    const a0 = y * n,
      b0 = (y + lag) * n,
      b1 = b0 + n,
      b2 = b1 + n;
    for (let x = 0; x < n; x++) {
      const a = d[a0 + x];
      s0 += a * d[b0 + x];
      s1 += a * d[b1 + x];
      s2 += a * d[b2 + x];
    }
  }
  for (let x = 0; x < n; x++) {
    const a = d[end * n + x],
      b = d[(end + 1) * n + x];
    s0 += a * d[(end + lag) * n + x] + b * d[(end + 1 + lag) * n + x];
    s1 += a * d[(end + lag + 1) * n + x];
  }
  return [s0, s1, s2];
}

function singleCrosses(d: Float32Array, n: number, first: number, count: number, axis: 'x' | 'y'): number[] {
  const out: number[] = [];
  for (let lag = first; lag < first + count; lag++) {
    let s = 0;
    for (let y = 0; y < (axis === 'x' ? n : n - lag); y++) {
      const a0 = y * n,
        b0 = axis === 'x' ? a0 + lag : a0 + lag * n;
      for (let x = 0; x < (axis === 'x' ? n - lag : n); x++) s += d[a0 + x] * d[b0 + x];
    }
    out.push(s);
  }
  return out;
}

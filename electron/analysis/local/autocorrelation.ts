/**
 * Circular 2D autocorrelation by FFT (Wiener–Khinchin: the inverse transform of the power
 * spectrum). Input is an N×N mean-centred grey grid, N a power of two.
 */
import FFT from 'fft.js';

const transforms = new Map<number, FFT>();
function fftOf(n: number): FFT {
  let f = transforms.get(n);
  if (!f) transforms.set(n, (f = new FFT(n)));
  return f;
}

/**
 * Returns the autocorrelation normalised so lag (0,0) is 1; index [dy * n + dx], lags wrap.
 * Real input makes the spectrum Hermitian and the power spectrum even, so only columns
 * 0..n/2 are transformed and the rest is filled in by symmetry (about half the work).
 */
export function autocorrelation(grid: Float32Array, n: number): Float32Array {
  const fft = fftOf(n);
  const half = n / 2 + 1;
  const re = new Float64Array(n * half);
  const im = new Float64Array(n * half);
  const row: number[] = new Array<number>(n).fill(0);
  const rowOut: number[] = fft.createComplexArray();
  const colIn: number[] = fft.createComplexArray();
  const colOut: number[] = fft.createComplexArray();
  const mirror = (y: number) => ((n - y) & (n - 1)) * half;

  const rowTransform = (y: number) => {
    fft.realTransform(rowOut, row);
    const o = y * half;
    for (let x = 0; x < half; x++) {
      re[o + x] = rowOut[2 * x];
      im[o + x] = rowOut[2 * x + 1];
    }
  };
  const columns = () => {
    for (let x = 0; x < half; x++) {
      for (let y = 0, i = x; y < n; y++, i += half) {
        colIn[2 * y] = re[i];
        colIn[2 * y + 1] = im[i];
      }
      fft.transform(colOut, colIn);
      for (let y = 0, i = x; y < n; y++, i += half) {
        re[i] = colOut[2 * y];
        im[i] = colOut[2 * y + 1];
      }
    }
  };

  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) row[x] = grid[y * n + x];
    rowTransform(y);
  }
  columns();
  const power = new Float64Array(n * half);
  for (let i = 0; i < power.length; i++) power[i] = re[i] * re[i] + im[i] * im[i];
  // P(-k) = P(k): the missing half of each row is a mirrored row. P is even, so a forward
  // transform gives the same result as the inverse (the scale is normalised away).
  for (let y = 0; y < n; y++) {
    const o = y * half, m = mirror(y);
    for (let x = 0; x < half; x++) row[x] = power[o + x];
    for (let x = half; x < n; x++) row[x] = power[m + n - x];
    rowTransform(y);
  }
  columns();
  const out = new Float32Array(n * n);
  const zero = re[0] || 1;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < half; x++) out[y * n + x] = re[y * half + x] / zero;
  }
  for (let y = 0; y < n; y++) {
    const m = ((n - y) & (n - 1)) * n;
    for (let x = half; x < n; x++) out[y * n + x] = out[m + n - x];
  }
  return out;
}

/** Normalised cross-correlation of the centred grid with itself shifted by (dx, dy), over the overlap only. */
export function shiftedNcc(grid: Float32Array, w: number, h: number, dx: number, dy: number): number {
  const x0 = Math.max(0, -dx);
  const x1 = Math.min(w, w - dx);
  const y0 = Math.max(0, -dy);
  const y1 = Math.min(h, h - dy);
  let ab = 0, aa = 0, bb = 0;
  for (let y = y0; y < y1; y++) {
    const ra = y * w;
    const rb = (y + dy) * w + dx;
    for (let x = x0; x < x1; x++) {
      const a = grid[ra + x];
      const b = grid[rb + x];
      ab += a * b;
      aa += a * a;
      bb += b * b;
    }
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

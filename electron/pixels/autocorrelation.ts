/**
 * Circular 2D autocorrelation by FFT (Wiener–Khinchin: the inverse transform of the power
 * spectrum). Input is an N×N mean-centred grey grid, N a power of two.
 */
import FFT from 'fft.js';

/**
 * An FFT of one size and its work buffers, made once: the analyzer runs it on every image.
 * The buffers are plain arrays: fft.js runs about 3× slower on typed arrays.
 */
interface Transform {
  fft: FFT;
  input: number[];
  output: number[];
  /** Half-spectra, n × (n/2 + 1): every element is written before it is read. */
  re: Float64Array;
  im: Float64Array;
  power: Float64Array;
}

const transforms = new Map<number, Transform>();
function transformOf(n: number): Transform {
  let t = transforms.get(n);
  if (!t) {
    const fft = new FFT(n);
    const size = n * (n / 2 + 1);
    t = {
      fft,
      input: fft.createComplexArray(),
      output: fft.createComplexArray(),
      re: new Float64Array(size),
      im: new Float64Array(size),
      power: new Float64Array(size),
    };
    transforms.set(n, t);
  }
  return t;
}

/**
 * Transforms two real sequences with one complex FFT (a in the real part, b in the imaginary
 * part) and separates their spectra by symmetry: A[k] = (Z[k] + conj Z[−k]) / 2,
 * B[k] = (Z[k] − conj Z[−k]) / 2i. Writes bins 0..count−1 of each to (re, im) at aAt and bAt.
 */
function transformPair(
  t: Transform,
  n: number,
  count: number,
  re: Float64Array,
  im: Float64Array,
  aAt: number,
  bAt: number,
): void {
  t.fft.transform(t.output, t.input);
  const z = t.output;
  for (let k = 0; k < count; k++) {
    const m = 2 * ((n - k) & (n - 1));
    const zr = z[2 * k],
      zi = z[2 * k + 1],
      wr = z[m],
      wi = z[m + 1];
    re[aAt + k] = 0.5 * (zr + wr);
    im[aAt + k] = 0.5 * (zi - wi);
    if (bAt >= 0) {
      re[bAt + k] = 0.5 * (zi + wi);
      im[bAt + k] = 0.5 * (wr - zr);
    }
  }
}

/**
 * Returns the autocorrelation normalised so lag (0,0) is 1; index [dy * n + dx], lags wrap.
 * Every transform does the work of two: rows of real input are transformed in pairs, only
 * the non-redundant half of each spectrum is kept, and the power spectrum's own symmetry
 * (it is real and even) lets its transform run as pairs of real columns and then pairs of
 * rows whose results are real. Only lags dy ≤ n/2 are computed; the rest mirror them.
 */
export function autocorrelation(grid: Float32Array, n: number): Float32Array {
  const t = transformOf(n);
  const half = n / 2 + 1;
  const { input, re, im, power } = t;

  // Rows of the grid, two at a time: half-spectra (bins 0..n/2) of every row.
  for (let y = 0; y < n; y += 2) {
    const a = y * n,
      b = a + n;
    for (let x = 0; x < n; x++) {
      input[2 * x] = grid[a + x];
      input[2 * x + 1] = grid[b + x];
    }
    transformPair(t, n, half, re, im, y * half, (y + 1) * half);
  }
  // Columns of the half-spectra: the 2D spectrum for kx ≤ n/2, then its power.
  for (let x = 0; x < half; x++) {
    for (let y = 0, i = x; y < n; y++, i += half) {
      input[2 * y] = re[i];
      input[2 * y + 1] = im[i];
    }
    t.fft.transform(t.output, input);
    const z = t.output;
    for (let y = 0, i = x; y < n; y++, i += half) power[i] = z[2 * y] * z[2 * y] + z[2 * y + 1] * z[2 * y + 1];
  }
  // Columns of the power spectrum (real), two at a time: Q(kx, dy) for kx ≤ n/2, every dy.
  for (let x = 0; x < half; x += 2) {
    const paired = x + 1 < half;
    for (let y = 0, i = x; y < n; y++, i += half) {
      input[2 * y] = power[i];
      input[2 * y + 1] = paired ? power[i + 1] : 0;
    }
    transformPair(t, n, n, re, im, x * n, paired ? (x + 1) * n : -1);
  }
  // Rows dy ≤ n/2, two at a time: Q(n − kx, dy) = conj Q(kx, dy) completes each row's
  // spectrum, and a row's transform is real, so two rows share one complex transform.
  const out = new Float32Array(n * n);
  let zero = 1;
  for (let dy = 0; dy <= n / 2; dy += 2) {
    const second = dy + 1 <= n / 2;
    for (let kx = 0; kx < n; kx++) {
      const col = kx < half ? kx : n - kx,
        sign = kx < half ? 1 : -1;
      const i = col * n + dy;
      // S1 + i·S2, where S = (re, sign·im) of each row.
      const ar = re[i],
        ai = sign * im[i];
      const br = second ? re[i + 1] : 0,
        bi = second ? sign * im[i + 1] : 0;
      input[2 * kx] = ar - bi;
      input[2 * kx + 1] = ai + br;
    }
    t.fft.transform(t.output, input);
    const z = t.output;
    if (dy === 0) zero = z[0] || 1;
    for (let dx = 0; dx < n; dx++) {
      out[dy * n + dx] = z[2 * dx] / zero;
      if (second) out[(dy + 1) * n + dx] = z[2 * dx + 1] / zero;
    }
  }
  // A real signal's autocorrelation is even: lag (dx, dy) equals lag (−dx, −dy).
  for (let dy = n / 2 + 1; dy < n; dy++) {
    const src = (n - dy) * n,
      dst = dy * n;
    for (let dx = 0; dx < n; dx++) out[dst + dx] = out[src + ((n - dx) & (n - 1))];
  }
  return out;
}

/** Normalised cross-correlation of the centred grid with itself shifted by (dx, dy), over the overlap only. */
export function shiftedNcc(grid: Float32Array, w: number, h: number, dx: number, dy: number): number {
  const x0 = Math.max(0, -dx);
  const x1 = Math.min(w, w - dx);
  const y0 = Math.max(0, -dy);
  const y1 = Math.min(h, h - dy);
  let ab = 0,
    aa = 0,
    bb = 0;
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

/** Texture statistics of the grey working raster: orientation, edges, flat areas, smoothness. */
import type { GreyImage, Gradients } from './grey';

export const ORIENTATION_BINS = 18;

export interface TextureStats {
  /** Structure-tensor coherence 0..1: 1 = every edge has the same orientation (stripes). */
  coherence: number;
  /** Dominant gradient angle in degrees, 0 = gradient along x (vertical stripes), 90 = along y. */
  gradientAngle: number;
  /** Magnitude-weighted histogram of edge orientations over 0..180°, sums to 1 (or all 0 if flat). */
  orientationHistogram: number[];
  /** Share of the orientation mass within ±7.5° of horizontal or vertical. */
  axisAligned: number;
  /** Normalised entropy of the orientation histogram (0 = one direction, 1 = all directions). */
  orientationEntropy: number;
  /** Orientation mass in the 6 strongest of 18 bins: ~0.33 for curves, near 1 for a few straight directions. */
  straightness: number;
  /** Share of pixels on a clear edge. */
  edgeDensity: number;
  /** Share of pixels in flat areas (almost no gradient). */
  flatness: number;
  /** Mean absolute Laplacian: fine-grain (high-frequency) energy. */
  grain: number;
  /** 5th–95th percentile lightness span, 0..1. */
  tonalRange: number;
  /** How well a smooth quadratic surface explains the lightness (R², 0..1). */
  smoothFit: number;
}

const EDGE = 0.04;
const FLAT = 0.008;

/**
 * A smooth surface (linear or radial gradient): a quadratic explains almost all lightness and
 * there are no edges or grain. Such an image has no dips in its autocorrelation, so it cannot
 * show a repeat, and the lattice search is skipped for it.
 */
export function looksSmooth(t: TextureStats): boolean {
  return t.smoothFit > 0.95 && t.edgeDensity < 0.02 && t.grain < 0.01;
}

/**
 * "Diamond angle" of a vector folded into the upper half-plane: 0..2 over 0..180°, monotone
 * in the angle, and free of atan2 (which costs ~30 ns a pixel here).
 */
function diamond(x: number, y: number): number {
  return x >= 0 ? y / (x + y) : 1 + -x / (y - x);
}

/** Diamond angles of the bin boundaries k·180°/ORIENTATION_BINS, k = 1..ORIENTATION_BINS-1, plus a sentinel. */
const BOUNDARY = Float64Array.from({ length: ORIENTATION_BINS }, (_, k) =>
  k === ORIENTATION_BINS - 1
    ? Infinity
    : diamond(Math.cos(((k + 1) * Math.PI) / ORIENTATION_BINS), Math.sin(((k + 1) * Math.PI) / ORIENTATION_BINS)),
);
/** Bin at the start of each of CELLS equal slices of 0..2; no slice holds two boundaries. */
const CELLS = 1024;
const CELL_BIN = Uint8Array.from({ length: CELLS }, (_, c) => BOUNDARY.findIndex((b) => (2 * c) / CELLS < b));

/** Orientation bin of a gradient over 0..180°. A gradient along −x counts as 180° (last bin). */
function orientationBin(x: number, y: number): number {
  if (y < 0) {
    x = -x;
    y = -y;
  }
  if (y === 0) return x < 0 ? ORIENTATION_BINS - 1 : 0;
  const d = diamond(x, y);
  const bin = CELL_BIN[Math.min(CELLS - 1, Math.floor(d * (CELLS / 2)))];
  return d >= BOUNDARY[bin] ? bin + 1 : bin;
}

export function textureStats(g: GreyImage, grad: Gradients): TextureStats {
  const { gx, gy, magnitude } = grad;
  const n = g.width * g.height;
  let jxx = 0,
    jyy = 0,
    jxy = 0,
    edges = 0,
    flat = 0,
    axis = 0,
    total = 0;
  const hist = new Float64Array(ORIENTATION_BINS);
  // Within 7.5° of an axis: the smaller gradient component is under tan(7.5°) of the larger.
  const tan = Math.tan((7.5 * Math.PI) / 180);
  for (let i = 0; i < n; i++) {
    const x = gx[i],
      y = gy[i],
      m = magnitude[i];
    jxx += x * x;
    jyy += y * y;
    jxy += x * y;
    if (m > EDGE) edges++;
    if (m < FLAT) flat++;
    if (m > FLAT) {
      hist[orientationBin(x, y)] += m;
      const ax = Math.abs(x),
        ay = Math.abs(y);
      if (Math.min(ax, ay) <= tan * Math.max(ax, ay)) axis += m;
      total += m;
    }
  }
  const trace = jxx + jyy;
  const coherence = trace > 1e-9 ? Math.sqrt((jxx - jyy) ** 2 + 4 * jxy * jxy) / trace : 0;
  let angle = (0.5 * Math.atan2(2 * jxy, jxx - jyy) * 180) / Math.PI;
  if (angle < 0) angle += 180;
  const mass = hist.reduce((s, v) => s + v, 0);
  const orientationHistogram = Array.from(hist, (v) => (mass > 0 ? v / mass : 0));
  return {
    coherence,
    gradientAngle: angle,
    orientationHistogram,
    axisAligned: total > 0 ? axis / total : 0,
    orientationEntropy: entropy(orientationHistogram),
    straightness: [...orientationHistogram]
      .sort((a, b) => b - a)
      .slice(0, 6)
      .reduce((s, v) => s + v, 0),
    edgeDensity: edges / n,
    flatness: flat / n,
    grain: meanLaplacian(g),
    tonalRange: tonalRange(g.data),
    smoothFit: quadraticFit(g),
  };
}

function entropy(p: number[]): number {
  let h = 0;
  for (const v of p) if (v > 0) h -= v * Math.log(v);
  return h / Math.log(p.length);
}

function meanLaplacian(g: GreyImage): number {
  const { width: w, height: h, data } = g;
  let sum = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      sum += Math.abs(4 * data[i] - data[i - 1] - data[i + 1] - data[i - w] - data[i + w]);
    }
  }
  return sum / Math.max(1, (w - 2) * (h - 2));
}

function tonalRange(values: Float32Array): number {
  const hist = new Uint32Array(256);
  // (v·255 + 0.5) | 0 rounds like Math.round for everything the clamp keeps.
  for (let i = 0; i < values.length; i++) hist[Math.min(255, Math.max(0, (values[i] * 255 + 0.5) | 0))]++;
  const lo = values.length * 0.05,
    hi = values.length * 0.95;
  let acc = 0,
    p5 = 0,
    p95 = 255;
  for (let i = 0; i < 256; i++) {
    const before = acc;
    acc += hist[i];
    if (before < lo && acc >= lo) p5 = i;
    if (before < hi && acc >= hi) {
      p95 = i;
      break;
    }
  }
  return (p95 - p5) / 255;
}

/**
 * R² of a least-squares quadratic surface in (x, y) over a subsample: near 1 for linear
 * and radial gradients, low for anything with edges or texture.
 */
function quadraticFit(g: GreyImage): number {
  const step = Math.max(1, Math.floor(Math.sqrt((g.width * g.height) / 1024)));
  const ata = Array.from({ length: 6 }, () => new Float64Array(6));
  const atb = new Float64Array(6);
  const f = new Float64Array(6);
  f[0] = 1;
  const basis = (x: number, y: number) => {
    const u = x / g.width - 0.5,
      w = y / g.height - 0.5;
    f[1] = u;
    f[2] = w;
    f[3] = u * u;
    f[4] = w * w;
    f[5] = u * w;
  };
  let count = 0,
    sum = 0;
  for (let y = 0; y < g.height; y += step) {
    for (let x = 0; x < g.width; x += step) {
      basis(x, y);
      const v = g.data[y * g.width + x];
      count++;
      sum += v;
      for (let i = 0; i < 6; i++) {
        atb[i] += f[i] * v;
        for (let j = 0; j < 6; j++) ata[i][j] += f[i] * f[j];
      }
    }
  }
  const coef = solve(ata, atb);
  if (!coef) return 0;
  const mean = sum / count;
  let ssTot = 0,
    ssRes = 0;
  for (let y = 0; y < g.height; y += step) {
    for (let x = 0; x < g.width; x += step) {
      basis(x, y);
      const v = g.data[y * g.width + x];
      let fit = 0;
      for (let i = 0; i < 6; i++) fit += f[i] * coef[i];
      ssRes += (v - fit) ** 2;
      ssTot += (v - mean) ** 2;
    }
  }
  return ssTot > 1e-9 ? Math.max(0, 1 - ssRes / ssTot) : 1;
}

/** Gaussian elimination with partial pivoting; null when singular. */
function solve(a: Float64Array[], b: Float64Array): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-12) return null;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = m[r][c] / m[c][c];
      for (let k2 = c; k2 <= n; k2++) m[r][k2] -= k * m[c][k2];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

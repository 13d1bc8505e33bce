/** Grey-level helpers shared by the pattern features, repeat detection and pHash. */
import type { Raster } from './raster';

/** A single-channel float image, values 0..1. */
export interface GreyImage {
  data: Float32Array;
  width: number;
  height: number;
}

/** Rec. 709 luma of the 8-bit values (gamma-encoded, like the eye's lightness ordering). */
export function toGrey(r: Raster): GreyImage {
  const n = r.width * r.height;
  const data = new Float32Array(n);
  const src = r.data;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    data[i] = (0.2126 * src[j] + 0.7152 * src[j + 1] + 0.0722 * src[j + 2]) / 255;
  }
  return { data, width: r.width, height: r.height };
}

/** Area-average weights of each output cell over the input cells along one axis. */
function boxWeights(from: number, to: number): { start: Int32Array; weights: Float64Array[] } {
  const scale = from / to;
  const start = new Int32Array(to);
  const weights: Float64Array[] = [];
  for (let o = 0; o < to; o++) {
    const a = o * scale,
      b = a + scale;
    const first = Math.floor(a),
      last = Math.min(from, Math.ceil(b));
    start[o] = first;
    const w = new Float64Array(last - first);
    for (let k = first; k < last; k++) w[k - first] = Math.min(b, k + 1) - Math.max(a, k);
    weights.push(w);
  }
  return { start, weights };
}

/**
 * Area-average resample to any size (down or up). Box filtering avoids the aliasing a
 * nearest-neighbour reduction would add to fine patterns. The box weights are separable,
 * so rows are resampled first, then columns.
 */
export function resampleGrey(g: GreyImage, width: number, height: number): GreyImage {
  const rows = boxWeights(g.height, height);
  let tmp: Float32Array | Float64Array = g.data;
  if (width !== g.width) {
    const cols = boxWeights(g.width, width);
    tmp = new Float64Array(width * g.height);
    for (let y = 0; y < g.height; y++) {
      const src = y * g.width;
      for (let x = 0; x < width; x++) {
        const w = cols.weights[x],
          s0 = src + cols.start[x];
        let sum = 0,
          total = 0;
        for (let k = 0; k < w.length; k++) {
          sum += w[k] * g.data[s0 + k];
          total += w[k];
        }
        tmp[y * width + x] = total > 0 ? sum / total : 0;
      }
    }
  }
  // Columns: whole input rows are weighted and added, so every access runs along a row.
  const out = new Float32Array(width * height);
  const acc = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    const w = rows.weights[y],
      y0 = rows.start[y];
    acc.fill(0);
    let total = 0;
    for (let k = 0; k < w.length; k++) {
      const wk = w[k],
        src = (y0 + k) * width;
      total += wk;
      for (let x = 0; x < width; x++) acc[x] += wk * tmp[src + x];
    }
    const o = y * width;
    for (let x = 0; x < width; x++) out[o + x] = total > 0 ? acc[x] / total : 0;
  }
  return { data: out, width, height };
}

/** Box-averages an RGB raster down so its long edge is at most `maxEdge`. */
export function reduceRaster(r: Raster, maxEdge: number): Raster {
  const scale = maxEdge / Math.max(r.width, r.height);
  if (scale >= 1) return r;
  const width = Math.max(1, Math.round(r.width * scale));
  const height = Math.max(1, Math.round(r.height * scale));
  const data = new Uint8Array(width * height * 3);
  const sums = new Float64Array(width * height * 3);
  const counts = new Float64Array(width * height);
  for (let y = 0; y < r.height; y++) {
    const ty = Math.min(height - 1, Math.floor((y * height) / r.height));
    for (let x = 0; x < r.width; x++) {
      const t = ty * width + Math.min(width - 1, Math.floor((x * width) / r.width));
      const s = (y * r.width + x) * 3;
      sums[t * 3] += r.data[s];
      sums[t * 3 + 1] += r.data[s + 1];
      sums[t * 3 + 2] += r.data[s + 2];
      counts[t]++;
    }
  }
  for (let t = 0; t < counts.length; t++) {
    for (let c = 0; c < 3; c++) data[t * 3 + c] = Math.round(sums[t * 3 + c] / Math.max(1, counts[t]));
  }
  return { data, width, height, channels: 3 };
}

export interface Gradients {
  gx: Float32Array;
  gy: Float32Array;
  magnitude: Float32Array;
}

/** Sobel gradients (borders replicated). Index arithmetic is inlined: this runs on every pixel. */
export function sobel(g: GreyImage): Gradients {
  const { width: w, height: h, data } = g;
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  const magnitude = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const up = (y > 0 ? y - 1 : 0) * w;
    const mid = y * w;
    const down = (y < h - 1 ? y + 1 : y) * w;
    for (let x = 0; x < w; x++) {
      const l = x > 0 ? x - 1 : 0;
      const r = x < w - 1 ? x + 1 : x;
      const tl = data[up + l],
        tc = data[up + x],
        tr = data[up + r];
      const bl = data[down + l],
        bc = data[down + x],
        br = data[down + r];
      const i = mid + x;
      const dx = (tr + 2 * data[mid + r] + br - tl - 2 * data[mid + l] - bl) / 8;
      const dy = (bl + 2 * bc + br - tl - 2 * tc - tr) / 8;
      gx[i] = dx;
      gy[i] = dy;
      magnitude[i] = Math.sqrt(dx * dx + dy * dy);
    }
  }
  return { gx, gy, magnitude };
}

/** Subtracts the mean in place and returns the variance (for normalised correlations). */
export function centre(values: Float32Array): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i];
  mean /= values.length || 1;
  let variance = 0;
  for (let i = 0; i < values.length; i++) {
    values[i] -= mean;
    variance += values[i] * values[i];
  }
  return variance / (values.length || 1);
}

/**
 * Projects each pixel on the main axis of colour variation (first principal component of
 * RGB). Unlike luma this keeps the contrast of equal-lightness designs (red dots on green).
 */
export function principalGrey(r: Raster): GreyImage {
  const n = r.width * r.height;
  const src = r.data;
  // Scalar accumulators (not arrays): this runs over every pixel twice.
  let m0 = 0,
    m1 = 0,
    m2 = 0;
  for (let j = 0; j < n * 3; j += 3) {
    m0 += src[j];
    m1 += src[j + 1];
    m2 += src[j + 2];
  }
  m0 /= n || 1;
  m1 /= n || 1;
  m2 /= n || 1;
  let xx = 0,
    yy = 0,
    zz = 0,
    xy = 0,
    xz = 0,
    yz = 0;
  for (let j = 0; j < n * 3; j += 3) {
    const a = src[j] - m0,
      b = src[j + 1] - m1,
      c = src[j + 2] - m2;
    xx += a * a;
    yy += b * b;
    zz += c * c;
    xy += a * b;
    xz += a * c;
    yz += b * c;
  }
  let v = [0.2126, 0.7152, 0.0722];
  if (xx + yy + zz > 1e-6 * n) {
    v = [0.577, 0.577, 0.577];
    for (let it = 0; it < 20; it++) {
      const w = [
        xx * v[0] + xy * v[1] + xz * v[2],
        xy * v[0] + yy * v[1] + yz * v[2],
        xz * v[0] + yz * v[1] + zz * v[2],
      ];
      const len = Math.hypot(w[0], w[1], w[2]) || 1;
      v = w.map((x) => x / len);
    }
    // Keep "lighter = larger" so thresholds read the same way as on luma.
    if (v[0] + v[1] + v[2] < 0) v = v.map((x) => -x);
  }
  const [v0, v1, v2] = v;
  const data = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    data[i] = 0.5 + ((src[j] - m0) * v0 + (src[j + 1] - m1) * v1 + (src[j + 2] - m2) * v2) / 255;
  }
  return { data, width: r.width, height: r.height };
}

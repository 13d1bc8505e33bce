/** Blob statistics for dot detection: Otsu binarisation, then connected components. */
import type { GreyImage } from './grey';

export interface BlobStats {
  /** Components of the minority class that do not touch the border. */
  count: number;
  /** Coefficient of variation of their areas (0 = all the same size). */
  areaSpread: number;
  /** Median area / bounding-box area: π/4 ≈ 0.785 for discs, 1 for squares. */
  fill: number;
  /** Median bounding-box aspect ratio (≥ 1). */
  aspect: number;
  /** Median area in pixels. */
  area: number;
  /** Share of the image covered by the minority class. */
  share: number;
}

export function otsuThreshold(values: Float32Array): number {
  const total = values.length;
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < total; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo < 1e-6) return hi;
  const bins = 64;
  const hist = new Float64Array(bins);
  const scale = bins / (hi - lo);
  for (let i = 0; i < total; i++) hist[Math.min(bins - 1, Math.floor((values[i] - lo) * scale))]++;
  let sumAll = 0;
  for (let i = 0; i < bins; i++) sumAll += i * hist[i];
  let wB = 0,
    sumB = 0,
    best = -1,
    threshold = 0;
  for (let i = 0; i < bins; i++) {
    wB += hist[i];
    if (wB === 0 || wB === total) continue;
    sumB += i * hist[i];
    const mB = sumB / wB,
      mF = (sumAll - sumB) / (total - wB);
    const between = wB * (total - wB) * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = i;
    }
  }
  return lo + ((threshold + 1) / bins) * (hi - lo);
}

export interface Component {
  area: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Labels 4-connected components of `mask` (flood fill on an explicit stack); returns area and bounding box of each. */
export function components(mask: Uint8Array, w: number, h: number): Component[] {
  const seen = new Uint8Array(w * h);
  const found: Component[] = [];
  const stack = new Int32Array(w * h);
  for (let start = 0; start < w * h; start++) {
    if (!mask[start] || seen[start]) continue;
    const c = { area: 0, x0: w, y0: h, x1: -1, y1: -1 };
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top];
      const y = Math.floor(i / w),
        x = i - y * w;
      c.area++;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      if (x > 0 && mask[i - 1] && !seen[i - 1]) {
        seen[i - 1] = 1;
        stack[top++] = i - 1;
      }
      if (x < w - 1 && mask[i + 1] && !seen[i + 1]) {
        seen[i + 1] = 1;
        stack[top++] = i + 1;
      }
      if (y > 0 && mask[i - w] && !seen[i - w]) {
        seen[i - w] = 1;
        stack[top++] = i - w;
      }
      if (y < h - 1 && mask[i + w] && !seen[i + w]) {
        seen[i + w] = 1;
        stack[top++] = i + w;
      }
    }
    found.push(c);
  }
  return found;
}

function median(values: number[]): number {
  // A photo's mask has a thousand specks or more: typed arrays sort numbers without a comparator call.
  const s = Float64Array.from(values).sort();
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/** An Otsu binarisation of the grey raster: the rarer tone's mask first (blobs and tone structure read both). */
export interface ToneSplit {
  minority: Uint8Array;
  majority: Uint8Array;
  /** Share of the image in the minority tone. */
  share: number;
  width: number;
  height: number;
}

export function splitTones(g: GreyImage): ToneSplit {
  const { width: w, height: h, data } = g;
  const t = otsuThreshold(data);
  const above = new Uint8Array(w * h);
  const below = new Uint8Array(w * h);
  let count = 0;
  // Without a branch: in a photo, which side of the threshold a pixel falls on is a coin toss.
  for (let i = 0; i < w * h; i++) {
    const on = data[i] > t ? 1 : 0;
    above[i] = on;
    below[i] = 1 - on;
    count += on;
  }
  const aboveIsMinority = count <= w * h - count;
  const share = (aboveIsMinority ? count : w * h - count) / (w * h);
  return aboveIsMinority
    ? { minority: above, majority: below, share, width: w, height: h }
    : { minority: below, majority: above, share, width: w, height: h };
}

/** Statistics of the minority tone's parts (`minorityParts`: the components of `split.minority`). */
export function blobStats(split: ToneSplit, minorityParts: readonly Component[]): BlobStats {
  const { width: w, height: h, share } = split;
  const inner = minorityParts.filter((c) => c.x0 > 0 && c.y0 > 0 && c.x1 < w - 1 && c.y1 < h - 1 && c.area >= 3);
  if (inner.length === 0) return { count: 0, areaSpread: 1, fill: 0, aspect: 1, area: 0, share };
  const areas = inner.map((c) => c.area);
  const mean = areas.reduce((s, a) => s + a, 0) / areas.length;
  const sd = Math.sqrt(areas.reduce((s, a) => s + (a - mean) ** 2, 0) / areas.length);
  return {
    count: inner.length,
    areaSpread: sd / mean,
    fill: median(inner.map((c) => c.area / ((c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1)))),
    aspect: median(
      inner.map((c) => {
        const bw = c.x1 - c.x0 + 1,
          bh = c.y1 - c.y0 + 1;
        return Math.max(bw, bh) / Math.min(bw, bh);
      }),
    ),
    area: median(areas),
    share,
  };
}

/** Many similar, compact, round blobs covering a minority of the surface. */
export function looksLikeDots(b: BlobStats): boolean {
  return b.count >= 6 && b.areaSpread < 0.45 && b.fill > 0.55 && b.fill < 0.92 && b.aspect < 1.6 && b.share < 0.5;
}

/**
 * Palette extraction: seeded k-means in OKLab on a pixel subsample, clusters closer than
 * ΔE2000 8 merged, shares under 2 % dropped, each colour named from the fixed vocabulary.
 */
import { converter, differenceCiede2000 } from 'culori';
import type { PaletteColour } from '../../shared/model/asset';
import { COLOUR_NAMES } from '../../shared/vocabulary/colour-names';
import type { Raster } from './raster';
import { hexToOklab, oklabToHex, rgbToOklabInto, type Oklab } from './colour-space';
import { seededRandom } from './seeded-random';

/** The most colours a palette has (k-means clusters before merging). */
export const MAX_PALETTE_COLOURS = 8;
const K = MAX_PALETTE_COLOURS;
const MAX_SAMPLES = 2048;
const ITERATIONS = 10;
const MERGE_DE2000 = 8;
const MIN_SHARE = 0.02;

const ciede2000 = differenceCiede2000();
// culori converts both arguments to Lab D65 on every ΔE call; converting once gives the same numbers.
const toLab65 = converter('lab65');
const asColour = ([l, a, b]: Oklab) => toLab65({ mode: 'oklab' as const, l, a, b });
const NAMED = COLOUR_NAMES.map((c) => ({ name: c.name, colour: asColour(hexToOklab(c.hex)) }));

/** Nearest vocabulary name by CIEDE2000. */
export function nameColour(lab: Oklab): string {
  const c = asColour(lab);
  let best: string = NAMED[0].name;
  let bestDe = Infinity;
  for (const n of NAMED) {
    const de = ciede2000(c, n.colour);
    if (de < bestDe) {
      bestDe = de;
      best = n.name;
    }
  }
  return best;
}

/** Sampled colours, packed as L, a, b triples (no per-pixel arrays on the hot paths). */
type Points = Float64Array;

/**
 * Up to MAX_SAMPLES pixels on a jittered stride (a regular stride aliases with a repeating
 * pattern and can miss a colour entirely). When `calm` marks enough pixels away from edges,
 * only those are used: anti-aliased edge pixels are mixtures, not design colours.
 */
function samplePixels(r: Raster, calm: Uint8Array | null): Points {
  const n = r.width * r.height;
  let calmCount = 0;
  if (calm) for (let i = 0; i < n; i++) calmCount += calm[i];
  const useCalm = calm !== null && calmCount >= n * 0.5;
  const pool = useCalm ? calmCount : n;
  const step = Math.max(1, pool / MAX_SAMPLES);
  const out = new Float64Array(3 * Math.min(pool, Math.ceil(pool / step) + 1));
  const rnd = seededRandom(0x5a3d);
  let next = 0,
    seen = 0,
    k = 0;
  for (let i = 0; i < n && k < out.length; i++) {
    if (useCalm && !calm![i]) continue;
    if (seen++ >= next) {
      rgbToOklabInto(r.data[i * 3], r.data[i * 3 + 1], r.data[i * 3 + 2], out, k);
      k += 3;
      next += step * (0.5 + rnd());
      // Every pixel counts: skip straight to the next one sampled (the first whose index reaches `next`).
      if (!useCalm) {
        const to = Math.max(i + 1, Math.ceil(next)) - 1;
        seen += to - i;
        i = to;
      }
    }
  }
  return out.subarray(0, k);
}

const dist2 = (p: Oklab, q: Oklab) => (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2;

/** Squared distance from point `i` of `pts` to centre `c`. */
const dist2At = (pts: Points, i: number, c: Oklab) =>
  (pts[3 * i] - c[0]) ** 2 + (pts[3 * i + 1] - c[1]) ** 2 + (pts[3 * i + 2] - c[2]) ** 2;

/** Index of the nearest centre to each point. Samples of a flat fill repeat the previous one, whose answer is known. */
function nearestEach(pts: Points, centres: Oklab[]): Int32Array {
  const packed = new Float64Array(3 * centres.length);
  for (let c = 0; c < centres.length; c++) packed.set(centres[c], 3 * c);
  const out = new Int32Array(pts.length / 3);
  for (let i = 0, c = 0; i < out.length; i++) {
    if (i === 0 || !sameAsPrevious(pts, i)) c = nearestPacked(pts, i, packed);
    out[i] = c;
  }
  return out;
}

function sameAsPrevious(pts: Points, i: number): boolean {
  const j = 3 * i;
  return pts[j] === pts[j - 3] && pts[j + 1] === pts[j - 2] && pts[j + 2] === pts[j - 1];
}

/** The centre nearest to point `i`, the centres packed as L, a, b triples; the first of equals wins. */
function nearestPacked(pts: Points, i: number, centres: Float64Array): number {
  const p0 = pts[3 * i],
    p1 = pts[3 * i + 1],
    p2 = pts[3 * i + 2];
  let best = 0,
    bestD = Infinity;
  for (let c = 0; c < centres.length; c += 3) {
    const d = (p0 - centres[c]) ** 2 + (p1 - centres[c + 1]) ** 2 + (p2 - centres[c + 2]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = c / 3;
    }
  }
  return best;
}

const pointAt = (pts: Points, i: number): Oklab => [pts[3 * i], pts[3 * i + 1], pts[3 * i + 2]];

/** k-means++ seeding, then Lloyd iterations; returns centres and their pixel counts. */
function kmeans(pts: Points): Cluster[] {
  const count = pts.length / 3;
  const rnd = seededRandom(0x5eed);
  const centres: Oklab[] = [pointAt(pts, Math.floor(rnd() * count))];
  const d2 = new Float64Array(count);
  for (let j = 0; j < count; j++) d2[j] = dist2At(pts, j, centres[0]);
  while (centres.length < K) {
    let total = 0;
    for (let j = 0; j < count; j++) total += d2[j];
    if (total < 1e-10) break;
    let target = rnd() * total,
      i = 0;
    while (i < count - 1 && (target -= d2[i]) > 0) i++;
    const chosen = pointAt(pts, i);
    centres.push(chosen);
    for (let j = 0; j < count; j++) d2[j] = Math.min(d2[j], dist2At(pts, j, chosen));
  }
  const assign = new Int32Array(count);
  const sums = new Float64Array(4 * K);
  // The centres packed in one typed array for the assignment loop, the palette's hottest.
  const packed = new Float64Array(3 * centres.length);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = false;
    sums.fill(0);
    for (let c = 0; c < centres.length; c++) packed.set(centres[c], 3 * c);
    for (let i = 0, c = 0; i < count; i++) {
      if (i === 0 || !sameAsPrevious(pts, i)) c = nearestPacked(pts, i, packed);
      if (c !== assign[i]) moved = true;
      assign[i] = c;
      sums[4 * c] += pts[3 * i];
      sums[4 * c + 1] += pts[3 * i + 1];
      sums[4 * c + 2] += pts[3 * i + 2];
      sums[4 * c + 3]++;
    }
    for (let c = 0; c < centres.length; c++) {
      const s = 4 * c;
      if (sums[s + 3]) centres[c] = [sums[s] / sums[s + 3], sums[s + 1] / sums[s + 3], sums[s + 2] / sums[s + 3]];
    }
    if (!moved && it > 0) break;
  }
  const counts = centres.map(() => 0);
  for (let i = 0; i < count; i++) counts[assign[i]]++;
  return centres.map((centre, i) => ({ centre, count: counts[i] })).filter((c) => c.count > 0);
}

/** Repeatedly merges the closest pair of clusters while they are within ΔE2000 8. */
function mergeClose(clusters: Cluster[]): Cluster[] {
  const list = [...clusters];
  for (;;) {
    let bi = -1,
      bj = -1,
      best = MERGE_DE2000;
    const labs = list.map((c) => asColour(c.centre));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const de = ciede2000(labs[i], labs[j]);
        if (de < best) {
          best = de;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) return list;
    const a = list[bi],
      b = list[bj];
    const count = a.count + b.count;
    const centre = [0, 1, 2].map((k) => (a.centre[k] * a.count + b.centre[k] * b.count) / count) as Oklab;
    list.splice(bj, 1);
    list[bi] = { centre, count };
  }
}

type Cluster = { centre: Oklab; count: number };

/**
 * Drops clusters that are blends of two bigger ones (anti-aliased edges between stripes,
 * say): a centre within ~ΔE 3.5 of the segment between two clusters at least twice its
 * size is split back between them.
 */
function absorbMixtures(clusters: Cluster[]): Cluster[] {
  const list = clusters.map((c) => ({ ...c }));
  const sorted = [...list].sort((a, b) => a.count - b.count);
  for (const c of sorted) {
    let best: { a: Cluster; b: Cluster; t: number; d: number } | null = null;
    for (const a of list) {
      for (const b of list) {
        if (
          a === b ||
          a === c ||
          b === c ||
          a.count < 2 * c.count ||
          b.count < 2 * c.count ||
          a.count === 0 ||
          b.count === 0
        )
          continue;
        const { t, d } = segmentDistance(c.centre, a.centre, b.centre);
        if (t > 0.1 && t < 0.9 && d < 0.035 && (!best || d < best.d)) best = { a, b, t, d };
      }
    }
    if (best) {
      best.a.count += c.count * (1 - best.t);
      best.b.count += c.count * best.t;
      c.count = 0;
    }
  }
  return list.filter((c) => c.count > 0);
}

function segmentDistance(p: Oklab, a: Oklab, b: Oklab): { t: number; d: number } {
  const ab = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const len2 = ab[0] ** 2 + ab[1] ** 2 + ab[2] ** 2;
  if (len2 < 1e-9) return { t: 0, d: Infinity };
  const t = ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1] + (p[2] - a[2]) * ab[2]) / len2;
  const q: Oklab = [a[0] + t * ab[0], a[1] + t * ab[1], a[2] + t * ab[2]];
  return { t, d: Math.sqrt(dist2(p, q)) };
}

/** Clusters that get the same vocabulary name are one palette entry to the user. */
function mergeSameName(clusters: Cluster[]): (Cluster & { name: string })[] {
  const byName = new Map<string, Cluster & { name: string }>();
  for (const c of [...clusters].sort((a, b) => b.count - a.count)) {
    const name = nameColour(c.centre);
    const prev = byName.get(name);
    if (!prev) {
      byName.set(name, { ...c, name });
      continue;
    }
    const count = prev.count + c.count;
    prev.centre = [0, 1, 2].map((k) => (prev.centre[k] * prev.count + c.centre[k] * c.count) / count) as Oklab;
    prev.count = count;
  }
  return [...byName.values()];
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/**
 * A palette colour's OKLab coordinates: those of its hex, the colour people see and pick, to 4 decimals
 * (the cluster centre differs by at most the hex's rounding, or lies outside sRGB). Derived from the
 * hex, they need not be stored: the store writes them only when an older analysis has other values.
 */
export function paletteLab(hex: string): Oklab {
  return hexToOklab(hex).map(round4) as Oklab;
}

export interface PaletteResult {
  colours: PaletteColour[];
  /** Mean OKLab distance ×100 from each sampled pixel to its cluster: ~1 for flat-filled designs, higher for photos. */
  residual: number;
}

export function extractPalette(r: Raster, calm: Uint8Array | null = null): PaletteResult {
  const points = samplePixels(r, calm);
  const count = points.length / 3;
  if (count === 0) return { colours: [], residual: 0 };
  const clusters = kmeans(points);
  const centres = clusters.map((c) => c.centre);
  let residualSum = 0;
  const owner = nearestEach(points, centres);
  for (let i = 0; i < count; i++) residualSum += Math.sqrt(dist2At(points, i, centres[owner[i]]));
  const residual = (100 * residualSum) / count;
  const merged = mergeSameName(absorbMixtures(mergeClose(clusters)));
  // Colours come from calm pixels; shares come from every pixel, so small motifs whose
  // pixels are mostly edges are not under-counted.
  const everyPixel = calm ? samplePixels(r, null) : points;
  const finalCentres = merged.map((c) => c.centre);
  for (const c of merged) c.count = 0;
  for (const c of nearestEach(everyPixel, finalCentres)) merged[c].count++;
  return { colours: toPalette(merged.filter((c) => c.count > 0)), residual: Math.round(residual * 100) / 100 };
}

function toPalette(merged: (Cluster & { name: string })[]): PaletteColour[] {
  const total = merged.reduce((s, c) => s + c.count, 0);
  const kept = merged.filter((c) => c.count / total >= MIN_SHARE);
  const keptTotal = kept.reduce((s, c) => s + c.count, 0);
  return kept
    .sort((a, b) => b.count - a.count)
    .map((c) => {
      const hex = oklabToHex(c.centre);
      return { hex, name: c.name, share: round4(c.count / keptTotal), lab: paletteLab(hex) };
    });
}

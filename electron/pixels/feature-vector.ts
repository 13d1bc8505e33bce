/**
 * The "more like this" vector (68 floats, unit length): a coarse OKLab colour histogram
 * (lightness × hue/chroma) and texture statistics. Cosine similarity is a dot product.
 */
import type { Raster } from './raster';
import { rgbToOklab } from './colour-space';
import { measure, type RasterFeatures } from './features';
import { onByteGrid } from './vector-grid';

const L_BINS = 4;
const HUES = 6;
/** Per lightness bin: neutral, then HUES sectors × (muted, vivid). */
const COLOUR_BINS = 1 + HUES * 2;
const NEUTRAL_CHROMA = 0.03;
const VIVID_CHROMA = 0.1;
/** Weight of the texture block relative to the colour block (each is unit length before weighting). */
const TEXTURE_WEIGHT = 0.7;
export const VECTOR_LENGTH = L_BINS * COLOUR_BINS + 9 + 7;

function colourHistogram(r: Raster): number[] {
  const hist = new Array<number>(L_BINS * COLOUR_BINS).fill(0);
  const n = r.width * r.height;
  const step = Math.max(1, Math.floor(n / 4096));
  let count = 0;
  for (let i = 0; i < n; i += step, count++) {
    const [L, a, b] = rgbToOklab(r.data[i * 3], r.data[i * 3 + 1], r.data[i * 3 + 2]);
    const lBin = Math.min(L_BINS - 1, Math.max(0, Math.floor(L * L_BINS)));
    const chroma = Math.hypot(a, b);
    let cBin = 0;
    if (chroma >= NEUTRAL_CHROMA) {
      const hue = (Math.atan2(b, a) + 2 * Math.PI) % (2 * Math.PI);
      cBin = 1 + Math.min(HUES - 1, Math.floor((hue / (2 * Math.PI)) * HUES)) * 2 + (chroma >= VIVID_CHROMA ? 1 : 0);
    }
    hist[lBin * COLOUR_BINS + cBin]++;
  }
  // Square roots of proportions: the vector is unit length and dot products are Bhattacharyya coefficients.
  return hist.map((v) => Math.sqrt(v / Math.max(1, count)));
}

function textureBlock(f: RasterFeatures): number[] {
  const t = f.texture;
  const h = t.orientationHistogram;
  const folded = Array.from({ length: 9 }, (_, i) => Math.sqrt(h[2 * i] + h[2 * i + 1]));
  const stats = [
    Math.max(0, f.lattice?.score ?? 0),
    t.edgeDensity,
    t.flatness,
    t.coherence,
    t.straightness,
    Math.min(1, t.grain * 5),
    t.tonalRange,
  ];
  const block = [...folded, ...stats];
  const norm = Math.hypot(...block) || 1;
  return block.map((v) => (v / norm) * TEXTURE_WEIGHT);
}

export function vectorFromFeatures(f: RasterFeatures): number[] {
  const v = [...colourHistogram(f.raster), ...textureBlock(f)];
  const norm = Math.hypot(...v) || 1;
  return onByteGrid(v.map((x) => x / norm));
}

export function featureVector(r: Raster): number[] {
  return vectorFromFeatures(measure(r));
}

/** Cosine similarity of two unit vectors. */
export function similarity(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) s += a[i] * b[i];
  return s;
}

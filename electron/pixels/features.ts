/**
 * Everything the local analyzer measures on one raster, computed once and shared by the
 * pattern classifier, the repeat report and the similarity vector.
 */
import type { PaletteColour } from '../../shared/model/asset';
import type { Raster } from './raster';
import { autocorrelation } from './autocorrelation';
import { blobStats, components, splitTones, type BlobStats } from './blobs';
import { binaryStructure, type BinaryStructure } from './binary-structure';
import { rgbToOklab } from './colour-space';
import { centre, principalGrey, reduceRaster, resampleGrey, sobel } from './grey';
import { extractPalette } from './palette';
import { projections, type Projections } from './projections';
import { gridLattice, stripeLattice, type GridLattice } from './repeat';
import { sceneStats, type SceneStats } from './scene-stats';
import { tiledIfSmall } from './small-tile';
import { looksSmooth, textureStats, type TextureStats } from './texture';

/** Long edge of the working raster; larger inputs are box-reduced first. */
export const WORKING_EDGE = 256;
/** Side of the power-of-two grid the autocorrelation runs on. */
export const GRID = 256;
/** Coherence above which the image is treated as one-dimensional (stripe-like). */
export const STRIPE_COHERENCE = 0.75;

export interface RasterFeatures {
  raster: Raster;
  palette: PaletteColour[];
  /** See PaletteResult.residual. */
  paletteResidual: number;
  texture: TextureStats;
  blobs: BlobStats;
  tones: BinaryStructure;
  projections: Projections;
  /** Lattice in GRID units (the grid spans the whole raster on both axes), or null. */
  lattice: GridLattice | null;
  /** RMS OKLab deviation ×100 (≈ ΔE): how much colour varies at all. */
  colourSpread: number;
  colourfulness: number;
  scene: SceneStats;
  /** True when the input was a small repeat tile, measured repeated (see small-tile.ts). */
  tiled: boolean;
}

export function measure(input: Raster): RasterFeatures {
  const small = tiledIfSmall(input);
  const raster = reduceRaster(small ?? input, WORKING_EDGE);
  const grey = principalGrey(raster);
  const grad = sobel(grey);
  const texture = textureStats(grey, grad);
  const calm = new Uint8Array(grad.magnitude.length);
  for (let i = 0; i < calm.length; i++) calm[i] = grad.magnitude[i] < 0.03 ? 1 : 0;
  const colourSpread = spread(raster);
  const varies = colourSpread >= 1;
  const palette = extractPalette(raster, calm);
  // One binarisation and one labelling of the rarer tone serve the blob statistics and the tone structure.
  const split = splitTones(grey);
  const minorityParts = components(split.minority, split.width, split.height);
  return {
    raster,
    palette: palette.colours,
    paletteResidual: palette.residual,
    texture,
    blobs: blobStats(split, minorityParts),
    tones: binaryStructure(split, minorityParts),
    projections: projections(grey),
    lattice: varies && !looksSmooth(texture) ? findLattice(grey, texture.coherence) : null,
    colourSpread,
    colourfulness: colourfulness(raster),
    scene: sceneStats(raster, grey, grad),
    tiled: small !== null,
  };
}

function findLattice(grey: ReturnType<typeof principalGrey>, coherence: number): GridLattice | null {
  const grid =
    grey.width === GRID && grey.height === GRID ? Float32Array.from(grey.data) : resampleGrey(grey, GRID, GRID).data;
  centre(grid);
  const ac = autocorrelation(grid, GRID);
  return coherence > STRIPE_COHERENCE
    ? stripeLattice(grid, GRID, ac)
    : gridLattice(grid, GRID, ac, grey.width / grey.height);
}

/** RMS distance from the mean colour in OKLab ×100, on a subsample. */
function spread(r: Raster): number {
  const n = r.width * r.height;
  const step = Math.max(1, Math.floor(n / 4096));
  const pts = new Float64Array(3 * Math.ceil(n / step));
  let m0 = 0,
    m1 = 0,
    m2 = 0,
    k = 0;
  for (let i = 0; i < n; i += step, k += 3) {
    const lab = rgbToOklab(r.data[i * 3], r.data[i * 3 + 1], r.data[i * 3 + 2]);
    pts[k] = lab[0];
    pts[k + 1] = lab[1];
    pts[k + 2] = lab[2];
    m0 += lab[0];
    m1 += lab[1];
    m2 += lab[2];
  }
  const count = k / 3;
  m0 /= count;
  m1 /= count;
  m2 /= count;
  let ms = 0;
  for (let j = 0; j < k; j += 3) ms += (pts[j] - m0) ** 2 + (pts[j + 1] - m1) ** 2 + (pts[j + 2] - m2) ** 2;
  return 100 * Math.sqrt(ms / count);
}

/** Hasler & Süsstrunk (2003) colourfulness, scaled so ~150 (extremely colourful) maps to 1. */
function colourfulness(r: Raster): number {
  const n = r.width * r.height;
  let sRg = 0,
    sYb = 0,
    qRg = 0,
    qYb = 0;
  for (let j = 0; j < n * 3; j += 3) {
    const rg = r.data[j] - r.data[j + 1];
    const yb = 0.5 * (r.data[j] + r.data[j + 1]) - r.data[j + 2];
    sRg += rg;
    sYb += yb;
    qRg += rg * rg;
    qYb += yb * yb;
  }
  const mRg = sRg / n,
    mYb = sYb / n;
  const sdRg = Math.sqrt(Math.max(0, qRg / n - mRg * mRg));
  const sdYb = Math.sqrt(Math.max(0, qYb / n - mYb * mYb));
  const m = Math.hypot(sdRg, sdYb) + 0.3 * Math.hypot(mRg, mYb);
  return Math.round(Math.min(1, m / 150) * 1e4) / 1e4;
}

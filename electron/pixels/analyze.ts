/** The local analyzer: palette, pattern label, repeat and colourfulness of one raster. */
import type { LocalAnalysis, Repeat } from '../../shared/model/asset';
import type { Raster } from './raster';
import { classify, PERIODIC_SCORE } from './classify';
import { GRID, measure, type RasterFeatures } from './features';
import { ANALYZER_VERSION } from './version';

export interface AnalyzeOptions {
  /** Size of the image the raster was reduced from, so the repeat is reported in its pixels. */
  originalWidth?: number;
  originalHeight?: number;
}

export function analyzeRaster(raster: Raster, opts: AnalyzeOptions = {}): LocalAnalysis {
  return analysisFromFeatures(measure(raster), raster, opts);
}

export function analysisFromFeatures(f: RasterFeatures, raster: Raster, opts: AnalyzeOptions = {}): LocalAnalysis {
  const c = classify(f);
  return {
    source: 'local',
    version: ANALYZER_VERSION,
    palette: f.palette,
    pattern: {
      label: c.label,
      labels: c.labels,
      confidence: c.confidence,
      solid: c.solid,
      repeat: c.solid
        ? null
        : repeatInOriginal(f, opts.originalWidth ?? raster.width, opts.originalHeight ?? raster.height),
      stripeOrientation: c.stripeOrientation,
      checks: c.checks,
      dots: c.dots,
    },
    colourfulness: f.colourfulness,
  };
}

/**
 * Grid units → original pixels. The grid spans the whole image on both axes, so each axis
 * scales separately. An axis along which nothing changes (along a stripe) gets the other
 * axis's period, giving a square tile.
 */
function repeatInOriginal(f: RasterFeatures, width: number, height: number): Repeat | null {
  // A small tile was measured repeated: the image itself is the repeat.
  if (f.tiled) return { width, height, offsetX: 0, score: 1 };
  const l = f.lattice;
  if (!l || l.score < PERIODIC_SCORE) return null;
  const sx = width / GRID;
  const sy = height / GRID;
  const w = l.width !== null ? l.width * sx : null;
  const h = l.height !== null ? l.height * sy : null;
  // A tile larger than half the image is not seen to repeat.
  if ((w !== null && w > width / 2 + 1) || (h !== null && h > height / 2 + 1)) return null;
  const tileW = Math.max(1, Math.round(w ?? h!));
  const tileH = Math.max(1, Math.round(h ?? w!));
  return {
    width: tileW,
    height: tileH,
    offsetX: Math.round(l.offsetX * sx) % tileW,
    score: Math.round(Math.min(1, l.score) * 100) / 100,
  };
}

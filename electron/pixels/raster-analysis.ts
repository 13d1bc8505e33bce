/**
 * The JavaScript half of an ingest: everything computed from a decoded raster. Pure
 * functions of their input, so they run the same on the main thread or in a worker.
 */
import type { Box, LocalAnalysis } from '../../shared/model/asset';
import { analysisFromFeatures, analyzeRaster, type AnalyzeOptions } from './analyze';
import { vectorFromFeatures } from './feature-vector';
import { measure } from './features';
import { perceptualHash } from './phash';
import { segmentSheet } from './segment-sheet';
import type { Raster } from './raster';

/** The whole image's analysis, its sheet regions (in the raster's pixels), pHash and similarity vector. */
export interface WholeImageAnalysis {
  analysis: LocalAnalysis;
  regions: Box[];
  phash: string;
  vector: number[];
}

export function analyseWholeImage(raster: Raster, opts: AnalyzeOptions): WholeImageAnalysis {
  const features = measure(raster);
  return {
    analysis: analysisFromFeatures(features, raster, opts),
    regions: segmentSheet(raster),
    phash: perceptualHash(raster),
    vector: vectorFromFeatures(features),
  };
}

/** A sheet region or a tile: analysed on its own. */
export function analysePart(raster: Raster, opts: AnalyzeOptions): LocalAnalysis {
  return analyzeRaster(raster, opts);
}

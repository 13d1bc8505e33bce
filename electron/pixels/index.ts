/**
 * Pixel maths: the local analyzer (palette, texture, repeat, pattern label, sheet segmentation,
 * perceptual hash, similarity vector) as pure functions over in-memory rasters. Depends on nothing
 * above it, so it runs the same in the ingest, in a worker thread and in the ad studio.
 */
export { analyzeRaster, analysisFromFeatures, type AnalyzeOptions } from './analyze';
export { measure, type RasterFeatures } from './features';
export { perceptualHash, hammingDistance } from './phash';
export { featureVector, vectorFromFeatures, similarity, VECTOR_LENGTH } from './feature-vector';
export { byteGridOf, fromByteGrid, fromStep } from './vector-grid';
export { segmentSheet } from './segment-sheet';
export { extractPalette, nameColour, paletteLab, MAX_PALETTE_COLOURS } from './palette';
export {
  hexToOklab,
  hexToRgb,
  oklabDistance,
  oklabToHex,
  rgbToHex,
  rgbToOklab,
  deltaE2000,
  type Oklab,
} from './colour-space';
export { ANALYZER_VERSION } from './version';
export { seededRandom } from './seeded-random';
export type { Raster } from './raster';
export { analyseWholeImage, analysePart, type WholeImageAnalysis } from './raster-analysis';

/** The local analyzer's public surface: pure functions over in-memory rasters. */
export { analyzeRaster, analysisFromFeatures, type AnalyzeOptions } from './analyze';
export { measure, type RasterFeatures } from './features';
export { perceptualHash, hammingDistance } from './phash';
export { featureVector, vectorFromFeatures, similarity, VECTOR_LENGTH } from './feature-vector';
export { segmentSheet } from './segment-sheet';
export { extractPalette, nameColour } from './palette';
export {
  hexToOklab, hexToRgb, oklabDistance, oklabToHex, rgbToHex, rgbToOklab, deltaE2000, type Oklab,
} from './colour-space';
export { ANALYZER_VERSION } from './version';
export { seededRandom } from './seeded-random';

/**
 * The pattern classifier's input: the measured features as one fixed-order vector, each
 * squashed to a comparable range (logs for counts and energies). The order is the weights'
 * order in pattern-model-weights.ts; changing it means retraining (scripts/label-eval/train.ts).
 */
import { looksLikeDots } from './blobs';
import type { RasterFeatures } from './features';

const log = (v: number, floor = 1e-4) => Math.log(Math.max(v, floor));

export const PATTERN_FEATURES: readonly [string, (f: RasterFeatures) => number][] = [
  ['colourSpread', (f) => Math.log1p(f.colourSpread)],
  ['colourfulness', (f) => f.colourfulness],
  ['paletteResidual', (f) => Math.log1p(f.paletteResidual)],
  ['paletteSize', (f) => f.palette.length],
  ['topPaletteShare', (f) => f.palette[0]?.share ?? 1],
  ['coherence', (f) => f.texture.coherence],
  ['axisAligned', (f) => f.texture.axisAligned],
  ['orientationEntropy', (f) => f.texture.orientationEntropy],
  ['straightness', (f) => f.texture.straightness],
  ['edgeDensity', (f) => f.texture.edgeDensity],
  ['flatness', (f) => f.texture.flatness],
  ['grain', (f) => log(f.texture.grain)],
  ['tonalRange', (f) => f.texture.tonalRange],
  ['smoothFit', (f) => f.texture.smoothFit],
  ['blobCount', (f) => Math.log1p(f.blobs.count)],
  ['blobAreaSpread', (f) => Math.min(5, f.blobs.areaSpread)],
  ['blobFill', (f) => f.blobs.fill],
  ['blobAspect', (f) => log(f.blobs.aspect, 1)],
  ['blobShare', (f) => f.blobs.share],
  ['looksLikeDots', (f) => (looksLikeDots(f.blobs) ? 1 : 0)],
  ['latticeScore', (f) => f.lattice?.score ?? 0],
  ['latticeTwoAxes', (f) => (f.lattice && f.lattice.width !== null && f.lattice.height !== null ? 1 : 0)],
  ['latticeOneAxis', (f) => (f.lattice && (f.lattice.width === null) !== (f.lattice.height === null) ? 1 : 0)],
  ['blockLightSpread', (f) => Math.min(3, f.scene.blockLightSpread)],
  ['blockDetailSpread', (f) => Math.min(3, f.scene.blockDetailSpread)],
  ['quietBlocks', (f) => f.scene.quietBlocks],
  ['colourCount', (f) => f.scene.colourCount],
  ['topColourShare', (f) => f.scene.topColourShare],
  ['whiteShare', (f) => f.scene.whiteShare],
  ['saturation', (f) => f.scene.saturation],
  ['saturationSpread', (f) => f.scene.saturationSpread],
  ['fineToCoarse', (f) => Math.min(3, f.scene.fineToCoarse)],
  ['tiled', (f) => (f.tiled ? 1 : 0)],
  ['minoritySpansBoth', (f) => f.tones.minority.spansBoth],
  ['minoritySpansOne', (f) => f.tones.minority.spansOne],
  ['minorityParts', (f) => f.tones.minority.partDensity],
  ['majoritySpansBoth', (f) => f.tones.majority.spansBoth],
  ['majoritySpansOne', (f) => f.tones.majority.spansOne],
  ['majorityParts', (f) => f.tones.majority.partDensity],
  ['strongestProjection', (f) => f.projections.strongest],
  ['secondProjection', (f) => f.projections.second],
  ['strongestOrientation', (f) => Math.max(...f.texture.orientationHistogram)],
];

export function patternFeatureVector(f: RasterFeatures): number[] {
  return PATTERN_FEATURES.map(([, read]) => read(f));
}

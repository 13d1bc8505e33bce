/**
 * The learned pattern classifier: a one-hidden-layer network over the pattern features,
 * trained offline on the real-image evaluation set's training split (scripts/label-eval/train.ts)
 * and shipped as the few kilobytes of weights in pattern-model-weights.ts.
 */
import { PATTERN_LABELS, type PatternLabel } from '../../shared/vocabulary/pattern-labels';
import { PATTERN_MODEL } from './pattern-model-weights';

export interface PatternModel {
  features: readonly string[];
  labels: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  hiddenWeights: readonly number[];
  hiddenBias: readonly number[];
  outputWeights: readonly number[];
  outputBias: readonly number[];
}

export interface LabelProbability {
  label: PatternLabel;
  probability: number;
}

/** Hidden activations (tanh) for standardised inputs; weights are row-major [input][hidden]. */
export function hiddenLayer(model: PatternModel, x: readonly number[]): Float64Array {
  const hidden = model.hiddenBias.length;
  const h = Float64Array.from(model.hiddenBias);
  for (let i = 0; i < x.length; i++) {
    const z = (x[i] - model.mean[i]) / model.scale[i];
    for (let j = 0; j < hidden; j++) h[j] += z * model.hiddenWeights[i * hidden + j];
  }
  for (let j = 0; j < hidden; j++) h[j] = Math.tanh(h[j]);
  return h;
}

/** Class probabilities for hidden activations `h`, into `s` (training passes one to fill again and again). */
export function softmaxOutput(
  model: PatternModel,
  h: ArrayLike<number>,
  s = new Float64Array(model.outputBias.length),
): Float64Array {
  const k = model.outputBias.length;
  s.set(model.outputBias);
  for (let j = 0; j < h.length; j++) for (let c = 0; c < k; c++) s[c] += h[j] * model.outputWeights[j * k + c];
  const max = Math.max(...s);
  let total = 0;
  for (let c = 0; c < k; c++) total += s[c] = Math.exp(s[c] - max);
  for (let c = 0; c < k; c++) s[c] /= total;
  return s;
}

/** Every label with its probability, most probable first. */
export function labelProbabilities(x: readonly number[], model: PatternModel = PATTERN_MODEL): LabelProbability[] {
  const p = softmaxOutput(model, hiddenLayer(model, x));
  return model.labels
    .map((label, c) => ({ label: label as PatternLabel, probability: p[c] }))
    .filter((lp) => (PATTERN_LABELS as readonly string[]).includes(lp.label))
    .sort((a, b) => b.probability - a.probability);
}

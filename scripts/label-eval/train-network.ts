/**
 * Offline training of the pattern classifier: full-batch Adam on a one-hidden-layer tanh
 * network with a softmax output, classes weighted by their rarity (the target is macro-F1),
 * L2 on the weights, a seeded start so a retrain reproduces the shipped weights.
 */
import { seededRandom } from '../../electron/pixels';
import type { PatternModel } from '../../electron/pixels/pattern-model';
import { hiddenLayer, softmaxOutput } from '../../electron/pixels/pattern-model';

export interface TrainingOptions {
  hidden: number;
  l2: number;
  iterations: number;
  learningRate: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  hidden: 32,
  l2: 0.03,
  iterations: 3000,
  learningRate: 0.05,
  seed: 1,
};

interface Example {
  x: number[];
  label: number;
}

function standardise(examples: Example[], width: number) {
  const mean = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(0);
  for (const e of examples) e.x.forEach((v, i) => (mean[i] += v / examples.length));
  for (const e of examples) e.x.forEach((v, i) => (scale[i] += (v - mean[i]) ** 2 / examples.length));
  return { mean, scale: scale.map((v) => Math.sqrt(v) + 1e-6) };
}

class Adam {
  private m: Float64Array;
  private v: Float64Array;
  constructor(
    readonly params: number[],
    private rate: number,
  ) {
    this.m = new Float64Array(params.length);
    this.v = new Float64Array(params.length);
  }
  step(grad: Float64Array, t: number): void {
    for (let i = 0; i < grad.length; i++) {
      this.m[i] = 0.9 * this.m[i] + 0.1 * grad[i];
      this.v[i] = 0.999 * this.v[i] + 0.001 * grad[i] * grad[i];
      const mHat = this.m[i] / (1 - 0.9 ** t);
      const vHat = this.v[i] / (1 - 0.999 ** t);
      this.params[i] -= (this.rate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
}

export function trainNetwork(
  examples: Example[],
  features: string[],
  labels: string[],
  o = DEFAULT_TRAINING,
): PatternModel {
  const width = features.length;
  const k = labels.length;
  const random = seededRandom(o.seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const model: PatternModel & {
    hiddenWeights: number[];
    hiddenBias: number[];
    outputWeights: number[];
    outputBias: number[];
  } = {
    features,
    labels,
    ...standardise(examples, width),
    hiddenWeights: Array.from({ length: width * o.hidden }, () => gaussian() / Math.sqrt(width)),
    hiddenBias: new Array<number>(o.hidden).fill(0),
    outputWeights: Array.from({ length: o.hidden * k }, () => gaussian() / Math.sqrt(o.hidden)),
    outputBias: new Array<number>(k).fill(0),
  };
  const counts = labels.map((_, c) => examples.filter((e) => e.label === c).length);
  const classWeight = counts.map((n) => (n ? examples.length / (k * n) : 0));
  const totalWeight = examples.reduce((s, e) => s + classWeight[e.label], 0);
  const optimisers = [model.hiddenWeights, model.hiddenBias, model.outputWeights, model.outputBias].map(
    (p) => new Adam(p, o.learningRate),
  );
  for (let t = 1; t <= o.iterations; t++) {
    const grads = gradients(model, examples, classWeight, totalWeight, o);
    optimisers.forEach((opt, i) => opt.step(grads[i], t));
  }
  return model;
}

function gradients(
  model: PatternModel,
  examples: Example[],
  classWeight: number[],
  totalWeight: number,
  o: TrainingOptions,
): Float64Array[] {
  const width = model.features.length;
  const k = model.labels.length;
  const gHiddenW = new Float64Array(width * o.hidden);
  const gHiddenB = new Float64Array(o.hidden);
  const gOutW = new Float64Array(o.hidden * k);
  const gOutB = new Float64Array(k);
  const z = new Float64Array(width);
  for (const e of examples) {
    for (let i = 0; i < width; i++) z[i] = (e.x[i] - model.mean[i]) / model.scale[i];
    const h = hiddenLayer(model, e.x);
    const p = softmaxOutput(model, h);
    const w = classWeight[e.label] / totalWeight;
    const dOut = p.map((v, c) => (v - (c === e.label ? 1 : 0)) * w);
    for (let j = 0; j < o.hidden; j++) {
      let back = 0;
      for (let c = 0; c < k; c++) {
        gOutW[j * k + c] += h[j] * dOut[c];
        back += model.outputWeights[j * k + c] * dOut[c];
      }
      const dh = back * (1 - h[j] * h[j]);
      gHiddenB[j] += dh;
      for (let i = 0; i < width; i++) gHiddenW[i * o.hidden + j] += z[i] * dh;
    }
    for (let c = 0; c < k; c++) gOutB[c] += dOut[c];
  }
  gHiddenW.forEach((_, i) => (gHiddenW[i] += o.l2 * model.hiddenWeights[i]));
  gOutW.forEach((_, i) => (gOutW[i] += o.l2 * model.outputWeights[i]));
  return [gHiddenW, gHiddenB, gOutW, gOutB];
}

/**
 * Offline training of the pattern classifier: full-batch Adam on a one-hidden-layer tanh
 * network with a softmax output, classes weighted by their rarity (the target is macro-F1),
 * L2 on the weights, a seeded start so a retrain reproduces the shipped weights.
 */
import { seededRandom } from '../../electron/pixels';
import { softmaxOutput, type PatternModel } from '../../electron/pixels/pattern-model';

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
  const inputs = examples.map((e) => Float64Array.from(e.x, (v, i) => (v - model.mean[i]) / model.scale[i]));
  const weights = Float64Array.from(examples, (e) => classWeight[e.label] / totalWeight);
  for (let t = 1; t <= o.iterations; t++) {
    const grads = gradients(model, inputs, examples, weights, o);
    optimisers.forEach((opt, i) => opt.step(grads[i], t));
  }
  return model;
}

function gradients(
  model: PatternModel,
  inputs: Float64Array[],
  examples: Example[],
  weights: Float64Array,
  o: TrainingOptions,
): Float64Array[] {
  const width = model.features.length;
  const k = model.labels.length;
  const hw = model.hiddenWeights;
  const ow = model.outputWeights;
  const gHiddenW = new Float64Array(width * o.hidden);
  const gHiddenB = new Float64Array(o.hidden);
  const gOutW = new Float64Array(o.hidden * k);
  const gOutB = new Float64Array(k);
  const h = new Float64Array(o.hidden);
  const p = new Float64Array(k);
  for (let e = 0; e < inputs.length; e++) {
    const z = inputs[e];
    h.set(model.hiddenBias);
    for (let i = 0; i < width; i++) {
      const zi = z[i];
      const row = i * o.hidden;
      for (let j = 0; j < o.hidden; j++) h[j] += zi * hw[row + j];
    }
    for (let j = 0; j < o.hidden; j++) h[j] = Math.tanh(h[j]);
    softmaxOutput(model, h, p);
    p[examples[e].label] -= 1;
    for (let c = 0; c < k; c++) p[c] *= weights[e];
    for (let j = 0; j < o.hidden; j++) {
      let back = 0;
      for (let c = 0; c < k; c++) {
        gOutW[j * k + c] += h[j] * p[c];
        back += ow[j * k + c] * p[c];
      }
      const dh = back * (1 - h[j] * h[j]);
      gHiddenB[j] += dh;
      for (let i = 0; i < width; i++) gHiddenW[i * o.hidden + j] += z[i] * dh;
    }
    for (let c = 0; c < k; c++) gOutB[c] += p[c];
  }
  for (let i = 0; i < gHiddenW.length; i++) gHiddenW[i] += o.l2 * hw[i];
  for (let i = 0; i < gOutW.length; i++) gOutW[i] += o.l2 * ow[i];
  return [gHiddenW, gHiddenB, gOutW, gOutB];
}

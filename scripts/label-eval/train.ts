/**
 * `npm run eval:train`: retrains the pattern classifier on the evaluation set's training split
 * (with augmentations) and the generated set, writes electron/pixels/pattern-model-weights.ts
 * and prints the scores on the held-back test split. Needs `npm run eval:assemble` first.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PATTERN_FEATURES } from '../../electron/pixels/pattern-features';
import type { PatternModel } from '../../electron/pixels/pattern-model';
import { PATTERN_LABELS } from '../../shared/vocabulary/pattern-labels';
import { assembledSet } from './eval-set';
import { evalSetRows, generatedRows } from './feature-table';
import { DEFAULT_TRAINING, trainNetwork } from './train-network';

const WEIGHTS = path.resolve(import.meta.dirname, '../../electron/pixels/pattern-model-weights.ts');

const round = (values: readonly number[]) => values.map((v) => Number(v.toPrecision(4)));

function weightsSource(model: PatternModel, trainedOn: string): string {
  const body = {
    features: model.features,
    labels: model.labels,
    mean: round(model.mean),
    scale: round(model.scale),
    hiddenWeights: round(model.hiddenWeights),
    hiddenBias: round(model.hiddenBias),
    outputWeights: round(model.outputWeights),
    outputBias: round(model.outputBias),
  };
  return [
    `/**\n * Written by scripts/label-eval/train.ts; retrain rather than edit.\n * Trained on ${trainedOn}.\n */`,
    `import type { PatternModel } from './pattern-model';`,
    '',
    `export const PATTERN_MODEL: PatternModel = ${JSON.stringify(body)};`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const set = assembledSet();
  if ('missing' in set) throw new Error(set.missing);
  const train = set.images.filter((img) => img.split === 'train');
  const rows = [
    ...(await evalSetRows(train, true, (n) => process.stderr.write(`\rfeatures ${n}/${train.length}`))),
    ...generatedRows(),
  ];
  process.stderr.write('\n');
  const labels = [...PATTERN_LABELS];
  const examples = rows.map((r) => ({ x: r.features, label: labels.indexOf(r.labels[0]) }));
  const model = trainNetwork(
    examples,
    PATTERN_FEATURES.map(([name]) => name),
    labels,
  );
  const o = DEFAULT_TRAINING;
  const trainedOn = `${train.length} training images (${rows.length} examples), ${o.hidden} hidden units, L2 ${o.l2}, seed ${o.seed}`;
  writeFileSync(WEIGHTS, weightsSource(model, trainedOn));
  execFileSync('npx', ['prettier', '--write', WEIGHTS], { stdio: 'ignore' });
  console.log(`wrote ${path.relative(process.cwd(), WEIGHTS)} (${trainedOn})`);
}

await main();

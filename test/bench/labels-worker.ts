/**
 * Pattern labels on real images: the shipped classifier on the evaluation set's test split,
 * 5-fold cross-validation over the whole set, and the generated set beside them. Prints the
 * per-class tables to stderr and the figures as JSON on the last stdout line.
 */
import { analysisFromFeatures, analyzeRaster, measure } from '../../electron/pixels';
import { isSolid } from '../../electron/pixels/classify';
import { patternFeatureVector } from '../../electron/pixels/pattern-features';
import { crossValidate, type LabelledRow } from '../../scripts/label-eval/cross-validation';
import { assembledSet } from '../../scripts/label-eval/eval-set';
import { generatedRows } from '../../scripts/label-eval/feature-table';
import { ingestRaster } from '../../scripts/label-eval/ingest-raster';
import { formatScores, scoreLabels, type LabelOutcome } from '../../scripts/label-eval/label-scores';
import { generatedSet } from '../support/generated-set';

const set = assembledSet();
if ('missing' in set) {
  process.stderr.write(`${set.missing}\n`);
  process.exit(2);
}
const rows: (LabelledRow & { split: string; got: LabelOutcome['got'] })[] = [];
for (const img of set.images) {
  const { raster, width, height } = await ingestRaster(img.file);
  const features = measure(raster);
  const got = analysisFromFeatures(features, raster, { originalWidth: width, originalHeight: height }).pattern.label;
  const name = `${img.package} ${img.member}`;
  rows.push({
    name,
    labels: img.labels,
    features: patternFeatureVector(features),
    solid: isSolid(features),
    split: img.split,
    got,
  });
}
const test = rows.filter((r) => r.split === 'test').map((r) => ({ name: r.name, expected: r.labels, got: r.got }));
const cv = crossValidate(rows, generatedRows());
const generated = generatedSet().map((g) => ({
  name: g.name,
  expected: [g.label],
  got: analyzeRaster(g.raster).pattern.label,
}));

const report = (title: string, outcomes: LabelOutcome[]) => {
  const strict = scoreLabels(outcomes, 'strict');
  const any = scoreLabels(outcomes, 'any');
  process.stderr.write(`${formatScores(`${title} (dominant label)`, strict)}\n`);
  process.stderr.write(
    `${title} (any label the person gave): macro-F1 ${any.macroF1.toFixed(2)}, accuracy ${any.accuracy.toFixed(2)}\n\n`,
  );
  return { strict: strict.macroF1, any: any.macroF1, accuracy: strict.accuracy, count: outcomes.length };
};
const testFigures = report('Real images, test split, shipped classifier', test);
const cvFigures = report('Real images, 5-fold cross-validation', cv);
const generatedFigures = report('Generated set', generated);
console.log(
  JSON.stringify({
    testImages: testFigures.count,
    testMacroF1: testFigures.strict,
    testMacroF1Any: testFigures.any,
    testAccuracy: testFigures.accuracy,
    cvImages: cvFigures.count,
    cvMacroF1: cvFigures.strict,
    cvMacroF1Any: cvFigures.any,
    generatedMacroF1: generatedFigures.strict,
  }),
);

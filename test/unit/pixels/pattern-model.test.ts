import { describe, expect, it } from 'vitest';
import { analyzeRaster } from '../../../electron/pixels';
import { PATTERN_FEATURES } from '../../../electron/pixels/pattern-features';
import { PATTERN_MODEL } from '../../../electron/pixels/pattern-model-weights';
import { assembledSet } from '../../../scripts/label-eval/eval-set';
import { ingestRaster } from '../../../scripts/label-eval/ingest-raster';
import { formatScores, scoreLabels, type LabelOutcome } from '../../../scripts/label-eval/label-scores';
import { PATTERN_LABELS } from '../../../shared/vocabulary/pattern-labels';

/**
 * Floors under the shipped classifier's figures on the real test split (0.73 dominant label,
 * 0.76 any label given, over 167 images when the weights were trained): a change that loses more fails here.
 */
const FLOOR_DOMINANT = 0.7;
const FLOOR_ANY = 0.74;

const set = assembledSet();
// CI assembles the set (.ci/run); elsewhere the test says how to get it rather than failing.
const missing = 'missing' in set ? set.missing : null;

describe('the shipped pattern classifier', () => {
  it('reads the features in the order it was trained on, for every label', () => {
    expect(PATTERN_MODEL.features).toEqual(PATTERN_FEATURES.map(([name]) => name));
    expect(PATTERN_MODEL.labels).toEqual([...PATTERN_LABELS]);
    const hidden = PATTERN_MODEL.hiddenBias.length;
    expect(PATTERN_MODEL.hiddenWeights).toHaveLength(PATTERN_FEATURES.length * hidden);
    expect(PATTERN_MODEL.outputWeights).toHaveLength(hidden * PATTERN_LABELS.length);
  });

  it.skipIf(missing !== null && !process.env.CI)(
    `labels the real test split above its floor${missing ? ` (${missing})` : ''}`,
    { timeout: 120_000 },
    async () => {
      if ('missing' in set) throw new Error(set.missing);
      const outcomes: LabelOutcome[] = [];
      for (const img of set.images.filter((i) => i.split === 'test')) {
        const { raster, width, height } = await ingestRaster(img.file);
        const got = analyzeRaster(raster, { originalWidth: width, originalHeight: height }).pattern.label;
        outcomes.push({ name: img.member, expected: img.labels, got });
      }
      const dominant = scoreLabels(outcomes, 'strict');
      console.log(formatScores('real test split', dominant));
      expect(outcomes.length).toBeGreaterThanOrEqual(160);
      expect(dominant.macroF1).toBeGreaterThanOrEqual(FLOOR_DOMINANT);
      expect(scoreLabels(outcomes, 'any').macroF1).toBeGreaterThanOrEqual(FLOOR_ANY);
    },
  );
});

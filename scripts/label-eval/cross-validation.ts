/**
 * k-fold cross-validation of the classifier over the whole evaluation set: every image is
 * labelled by a network trained without it (and without augmentations, so slightly pessimistic).
 * The test split alone holds only a handful of images of the rarer classes; this figure is steadier.
 */
import type { PatternLabel } from '../../shared/vocabulary/pattern-labels';
import { PATTERN_LABELS } from '../../shared/vocabulary/pattern-labels';
import { labelProbabilities } from '../../electron/pixels/pattern-model';
import { PATTERN_FEATURES } from '../../electron/pixels/pattern-features';
import type { FeatureRow } from './feature-table';
import type { LabelOutcome } from './label-scores';
import { trainNetwork } from './train-network';

export interface LabelledRow extends FeatureRow {
  /** The analyzer's flat-image rule fired: solid whatever the network says. */
  solid: boolean;
}

export function crossValidate(rows: LabelledRow[], extra: FeatureRow[], folds = 5): LabelOutcome[] {
  const labels = [...PATTERN_LABELS];
  const names = PATTERN_FEATURES.map(([name]) => name);
  const toExample = (r: FeatureRow) => ({ x: r.features, label: labels.indexOf(r.labels[0]) });
  const outcomes: LabelOutcome[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = rows.filter((_, i) => i % folds === fold);
    const train = rows.filter((_, i) => i % folds !== fold);
    const model = trainNetwork([...train, ...extra].map(toExample), names, labels);
    for (const r of held) {
      const got: PatternLabel = r.solid ? 'solid' : labelProbabilities(r.features, model)[0].label;
      outcomes.push({ name: r.name, expected: r.labels, got });
    }
  }
  return outcomes;
}

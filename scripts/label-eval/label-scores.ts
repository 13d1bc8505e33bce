/** Per-class precision, recall and F1, macro-F1 and the confusion matrix of a labelled run. */
import { PATTERN_LABELS, type PatternLabel } from '../../shared/vocabulary/pattern-labels';

export interface LabelOutcome {
  name: string;
  expected: PatternLabel;
  got: PatternLabel;
}

export interface ClassScore {
  label: PatternLabel;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface LabelScores {
  classes: ClassScore[];
  /** Mean F1 over the classes the truth contains. */
  macroF1: number;
  accuracy: number;
  count: number;
  confusion: Map<PatternLabel, Map<PatternLabel, number>>;
}

export function scoreLabels(outcomes: LabelOutcome[]): LabelScores {
  const confusion = new Map<PatternLabel, Map<PatternLabel, number>>();
  for (const o of outcomes) {
    const row = confusion.get(o.expected) ?? new Map<PatternLabel, number>();
    row.set(o.got, (row.get(o.got) ?? 0) + 1);
    confusion.set(o.expected, row);
  }
  const classes = PATTERN_LABELS.filter((l) => confusion.has(l)).map((label) => {
    const support = outcomes.filter((o) => o.expected === label).length;
    const hits = outcomes.filter((o) => o.expected === label && o.got === label).length;
    const predicted = outcomes.filter((o) => o.got === label).length;
    const precision = predicted ? hits / predicted : 0;
    const recall = support ? hits / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support, precision, recall, f1 };
  });
  const macroF1 = classes.reduce((s, c) => s + c.f1, 0) / Math.max(1, classes.length);
  const accuracy = outcomes.filter((o) => o.got === o.expected).length / Math.max(1, outcomes.length);
  return { classes, macroF1, accuracy, count: outcomes.length, confusion };
}

const pct = (v: number) => (v * 100).toFixed(0).padStart(5);

/** A plain-text table: one row per class, then the confusion matrix. */
export function formatScores(title: string, s: LabelScores): string {
  const lines = [`${title}: macro-F1 ${s.macroF1.toFixed(2)}, accuracy ${s.accuracy.toFixed(2)} over ${s.count} images`];
  lines.push(`  ${'label'.padEnd(15)}    n  prec%   rec%    F1%`);
  for (const c of s.classes)
    lines.push(`  ${c.label.padEnd(15)}${String(c.support).padStart(5)}  ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}`);
  const short = (l: string) => l.slice(0, 6).padStart(7);
  lines.push(`  expected \\ got ${PATTERN_LABELS.map(short).join('')}`);
  for (const [expected, row] of s.confusion)
    lines.push(`  ${expected.padEnd(15)}${PATTERN_LABELS.map((l) => String(row.get(l) ?? '.').padStart(7)).join('')}`);
  return lines.join('\n');
}

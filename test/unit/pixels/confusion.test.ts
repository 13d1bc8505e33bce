import { expect, it } from 'vitest';
import { analyzeRaster } from '../../../electron/pixels';
import { PATTERN_LABELS } from '../../../shared/vocabulary/pattern-labels';
import { generatedSet } from '../../support/generated-set';

it('labels the generated set with at least 90 % accuracy (confusion matrix printed)', () => {
  const matrix = new Map<string, Map<string, number>>();
  let correct = 0;
  const items = generatedSet();
  const misses: string[] = [];
  for (const item of items) {
    const got = analyzeRaster(item.raster).pattern.label;
    const row = matrix.get(item.label) ?? new Map<string, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    matrix.set(item.label, row);
    if (got === item.label) correct++;
    else misses.push(`${item.name}: ${got}`);
  }
  const short = (l: string) => l.slice(0, 7).padStart(8);
  const lines = [`expected \\ got ${PATTERN_LABELS.map(short).join('')}`];
  for (const expected of PATTERN_LABELS) {
    const row = matrix.get(expected);
    if (row)
      lines.push(`${expected.padEnd(15)}${PATTERN_LABELS.map((l) => String(row.get(l) ?? '.').padStart(8)).join('')}`);
  }
  const accuracy = correct / items.length;
  console.log(
    `${lines.join('\n')}\naccuracy ${(accuracy * 100).toFixed(1)} % of ${items.length}${misses.length ? `; misses: ${misses.join(', ')}` : ''}`,
  );
  expect(accuracy).toBeGreaterThanOrEqual(0.9);
});

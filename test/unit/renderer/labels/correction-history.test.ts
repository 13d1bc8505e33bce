import { expect, it } from 'vitest';
import type { LabelCorrection } from '../../../../shared/model';
import { correctionHistoryLines } from '../../../../renderer/labels/correction-history';

const record = (over: Partial<LabelCorrection>): LabelCorrection => ({
  id: 'c1',
  batch: 'b1',
  at: 1_000,
  reviewer: 'Ana',
  hash: 'ab'.repeat(32),
  field: 'pattern',
  action: 'set',
  value: ['dots'],
  localValue: ['checks'],
  localVersion: 'local-1',
  previous: ['checks'],
  undoes: [],
  ...over,
});

it('lists every correction newest first, with what it changed from and to, and marks what was taken back', () => {
  const lines = correctionHistoryLines([
    record({}),
    record({ id: 'c2', at: 2_000, field: 'repeat', value: { width: 48, height: 48 }, previous: null }),
    record({ id: 'c3', at: 3_000, reviewer: 'Ben', field: 'colours', value: [], previous: ['green'] }),
    record({
      id: 'u1',
      at: 4_000,
      field: 'repeat',
      action: 'undo',
      value: null,
      previous: { width: 48, height: 48 },
      undoes: ['c2'],
    }),
  ]);
  expect(lines.map((line) => [line.reviewer, line.text, line.undone])).toEqual([
    ['Ana', 'took back the repeat change (it was 48×48px)', false],
    ['Ben', 'set colours to none (was green)', false],
    ['Ana', 'set repeat to 48×48px (was no repeat)', true],
    ['Ana', 'set pattern to dots (was checks)', false],
  ]);
});

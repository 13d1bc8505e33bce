import { describe, expect, it } from 'vitest';
import { AnalysisState } from '../../../electron/store/analysis-state';
import { answer, HAIKU, SONNET } from '../../integration/review/review-fixture';

const HASH = 'a'.repeat(64);

describe("the store's model answers", () => {
  it('keeps one answer per model and prompt (the newer), the others beside it, oldest first', () => {
    const changed: string[] = [];
    const state = new AnalysisState((hash) => changed.push(hash));
    const first = answer(HASH, HAIKU, { style: 'first' }, 1_000);
    const other = answer(HASH, SONNET, { style: 'other' }, 2_000);
    const newer = answer(HASH, HAIKU, { style: 'newer' }, 3_000);
    for (const analysis of [first, other, newer]) state.apply({ type: 'recordModelAnalysis', analysis });
    expect(state.list(HASH)).toEqual([other, newer]);
    expect(state.find(HASH, HAIKU, newer.promptVersion)).toBe(newer);
    expect(state.stored(HASH).map((s) => [s.modelId, s.at, s.place])).toEqual([
      [SONNET, 2_000, null],
      [HAIKU, 3_000, null],
    ]);
    expect(state.stored(HASH)[1].head.fieldConfidence).toEqual(newer.attributes.confidence);
    expect(changed).toEqual([HASH, HASH, HASH]);
    expect(state.list('b'.repeat(64))).toEqual([]);
  });

  it('reads an answer back from its file once written, and keeps one recorded meanwhile', () => {
    const state = new AnalysisState(() => undefined);
    const older = answer(HASH, HAIKU, { style: 'older' }, 1_000);
    state.apply({ type: 'recordModelAnalysis', analysis: older });
    const span = { file: '/nowhere/records/aa.1.json', start: 10, end: 20 };
    const newer = answer(HASH, HAIKU, { style: 'newer' }, 2_000);
    state.apply({ type: 'recordModelAnalysis', analysis: newer });
    // The snapshot wrote the older one: the newer, recorded since, stays in memory.
    state.written([{ hash: HASH, requestedModelId: HAIKU, promptVersion: older.promptVersion, source: older, span }]);
    expect(state.stored(HASH)[0].place).toBeNull();
    state.written([{ hash: HASH, requestedModelId: HAIKU, promptVersion: newer.promptVersion, source: newer, span }]);
    expect(state.stored(HASH)[0].place).toEqual(span);
  });
});

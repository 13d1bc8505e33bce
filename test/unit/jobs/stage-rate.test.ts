import { describe, expect, it } from 'vitest';
import { StageRate, type StagedProgress } from '../../../electron/jobs';

/** A meter on a hand-wound clock: `after(ms, progress)` moves the clock on, then measures. */
function windUp() {
  let clock = 0;
  const meter = new StageRate(() => clock);
  return (ms: number, progress: StagedProgress) => {
    clock += ms;
    return meter.measure(progress);
  };
}

describe('StageRate', () => {
  it('times each stage from the report that ended the one before, with time left from that rate', () => {
    const after = windUp();
    const reading = { stage: 'reading', unit: 'shards', total: 200 };
    expect(after(5_000, { ...reading, done: 50 })).toEqual({ rate: 10, etaSeconds: 15 });
    expect(after(2_000, { ...reading, done: 200 })).toEqual({ rate: 200 / 7, etaSeconds: 0 });
    // Indexing starts where reading ended, counting from zero again.
    expect(after(4_000, { stage: 'indexing', unit: 'images', done: 1_000, total: 3_000 })).toEqual({
      rate: 250,
      etaSeconds: 8,
    });
  });

  it('has no time left to offer before anything is done', () => {
    const after = windUp();
    expect(after(1_000, { stage: 'writing', unit: 'shards', done: 0, total: 16 })).toEqual({
      rate: 0,
      etaSeconds: null,
    });
  });
});

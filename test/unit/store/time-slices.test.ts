import { describe, expect, it } from 'vitest';
import { inTimeSlices } from '../../../electron/store/time-slices';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('work in time slices', () => {
  it('handles every item once, in order, and lets other work run between slices', async () => {
    const items = Array.from({ length: 2_000 }, (_, i) => i);
    const seen: number[] = [];
    let turnsTaken = 0;
    const otherWork = () => {
      turnsTaken++;
      if (seen.length < items.length) setImmediate(otherWork);
    };
    setImmediate(otherWork);
    await inTimeSlices(items, (chunk) => {
      seen.push(...chunk);
      busy(5);
    });
    expect(seen).toEqual(items);
    // 8 chunks of 5 ms against 8 ms slices: other work ran in between, not only after.
    expect(turnsTaken).toBeGreaterThan(1);
  });

  it('does not wait for a turn when the work is quick', async () => {
    let turnsTaken = 0;
    setImmediate(() => turnsTaken++);
    await inTimeSlices([1, 2, 3], () => undefined);
    expect(turnsTaken).toBe(0);
  });
});

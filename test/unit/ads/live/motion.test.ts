import { describe, expect, it } from 'vitest';
import { motionPlan, sweepAt, textOpacityAt, zoomAt } from '../../../../electron/ads/live/motion';

describe('the motion plan of a live loop', () => {
  it.each([2, 4, 6])('closes the loop (%i s): no zoom and no light at either end, the sweep inside it', (seconds) => {
    for (let seed = 0; seed < 50; seed++) {
      const plan = motionPlan(seed, seconds);
      expect(zoomAt(plan, 0)).toBe(1);
      expect(zoomAt(plan, 1)).toBe(1);
      expect(zoomAt(plan, 0.5)).toBeGreaterThanOrEqual(1.03);
      expect(zoomAt(plan, 0.5)).toBeLessThanOrEqual(1.05);
      expect(sweepAt(plan, 0)).toBeNull();
      expect(sweepAt(plan, seconds)).toBeNull();
      // The light waits for the text to be in, and is gone before the loop restarts.
      expect(plan.sweepFrom).toBeGreaterThanOrEqual(plan.textFadeSeconds);
      expect(plan.sweepTo).toBeLessThan(seconds);
      expect(Math.abs(plan.focus.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(plan.focus.y)).toBeLessThanOrEqual(1);
    }
  });

  it('fades the text in over 0.6 s and holds it to the end', () => {
    const plan = motionPlan(1, 4);
    expect(textOpacityAt(plan, 0)).toBe(0);
    expect(textOpacityAt(plan, 0.3)).toBeGreaterThan(0.5);
    expect(textOpacityAt(plan, 0.3)).toBeLessThan(1);
    expect(textOpacityAt(plan, 0.6)).toBe(1);
    expect(textOpacityAt(plan, 3.99)).toBe(1);
  });

  it('is chosen by the seed', () => {
    expect(motionPlan(9, 4)).toEqual(motionPlan(9, 4));
    expect(motionPlan(9, 4)).not.toEqual(motionPlan(10, 4));
  });
});

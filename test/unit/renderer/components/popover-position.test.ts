import { describe, expect, it } from 'vitest';
import { shiftIntoViewport } from '../../../../renderer/components/popover-position';

describe('shiftIntoViewport', () => {
  it('leaves a panel inside the window where it is', () => {
    expect(shiftIntoViewport(100, 420, 1440)).toBe(0);
  });

  it('moves a panel off the right edge left, keeping the margin', () => {
    expect(shiftIntoViewport(1300, 1620, 1440)).toBe(-188);
  });

  it('moves a panel off the left edge right', () => {
    expect(shiftIntoViewport(-40, 280, 1440)).toBe(48);
  });

  it('keeps the left edge in view when the panel is wider than the window', () => {
    expect(shiftIntoViewport(100, 700, 400)).toBe(-92);
  });
});

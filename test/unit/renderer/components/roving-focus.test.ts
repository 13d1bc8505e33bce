import { describe, expect, it } from 'vitest';
import { nextRovingIndex } from '../../../../renderer/components/roving-focus';

describe('nextRovingIndex', () => {
  it('moves a list with Up and Down only, so Left and Right stay free (the folder tree opens and closes with them)', () => {
    expect(nextRovingIndex('ArrowDown', 0, 3, 'vertical')).toBe(1);
    expect(nextRovingIndex('ArrowUp', 2, 3, 'vertical')).toBe(1);
    expect(nextRovingIndex('ArrowRight', 0, 3, 'vertical')).toBeNull();
    expect(nextRovingIndex('ArrowLeft', 1, 3, 'vertical')).toBeNull();
  });

  it('moves a wrapping row of chips with all four arrows', () => {
    expect(nextRovingIndex('ArrowRight', 0, 5, 'both')).toBe(1);
    expect(nextRovingIndex('ArrowDown', 0, 5, 'both')).toBe(1);
    expect(nextRovingIndex('ArrowLeft', 3, 5, 'both')).toBe(2);
    expect(nextRovingIndex('ArrowUp', 3, 5, 'both')).toBe(2);
  });

  it('stops at the ends, jumps with Home and End, and leaves Tab to leave the group', () => {
    expect(nextRovingIndex('ArrowUp', 0, 5, 'both')).toBe(0);
    expect(nextRovingIndex('ArrowDown', 4, 5, 'both')).toBe(4);
    expect(nextRovingIndex('Home', 3, 5, 'vertical')).toBe(0);
    expect(nextRovingIndex('End', 0, 5, 'vertical')).toBe(4);
    expect(nextRovingIndex('Tab', 0, 5, 'both')).toBeNull();
    expect(nextRovingIndex('ArrowDown', 0, 0, 'both')).toBeNull();
  });
});

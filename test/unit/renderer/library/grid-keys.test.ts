import { describe, expect, it } from 'vitest';
import { nextGridIndex } from '../../../../renderer/library/grid-keys';

describe('nextGridIndex', () => {
  // 10 items in rows of 4: 0-3, 4-7, 8-9.
  const next = (key: string, index: number) => nextGridIndex(key, index, 4, 10, 2);

  it('moves by one across and by a row up and down', () => {
    expect(next('ArrowRight', 3)).toBe(4);
    expect(next('ArrowLeft', 4)).toBe(3);
    expect(next('ArrowDown', 1)).toBe(5);
    expect(next('ArrowUp', 5)).toBe(1);
  });

  it('stops at the ends and stays put rather than jump column on the last row', () => {
    expect(next('ArrowLeft', 0)).toBe(0);
    expect(next('ArrowRight', 9)).toBe(9);
    expect(next('ArrowDown', 7)).toBe(7);
    expect(next('ArrowUp', 2)).toBe(2);
  });

  it('pages by whole screens of rows and jumps to the ends', () => {
    expect(next('PageDown', 0)).toBe(8);
    expect(next('PageUp', 9)).toBe(1);
    expect(next('Home', 6)).toBe(0);
    expect(next('End', 1)).toBe(9);
  });

  it('leaves other keys to others', () => {
    expect(next(' ', 0)).toBeNull();
    expect(next('Enter', 0)).toBeNull();
  });
});

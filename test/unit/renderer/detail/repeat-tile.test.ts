import { describe, expect, it } from 'vitest';
import { defaultRepeatScale, repeatBlock, repeatTileOf } from '../../../../renderer/detail/repeat-tile';

describe('repeatTileOf', () => {
  it('tiles the whole image when no repeat was detected', () => {
    expect(repeatTileOf(640, 480, null)).toEqual({ x: 0, y: 0, width: 640, height: 480, offsetX: 0 });
  });

  it('cuts the detected repeat from the middle of the image, keeping its row shift', () => {
    const repeat = { width: 100, height: 80, offsetX: 50, score: 0.9 };
    expect(repeatTileOf(640, 480, repeat)).toEqual({ x: 270, y: 200, width: 100, height: 80, offsetX: 50 });
  });

  it('falls back to the whole image when the repeat does not fit in it', () => {
    const repeat = { width: 700, height: 80, offsetX: 0, score: 0.9 };
    expect(repeatTileOf(640, 480, repeat).width).toBe(640);
  });
});

describe('repeatBlock', () => {
  it('is the tile itself for a straight repeat', () => {
    expect(repeatBlock({ width: 64, height: 32, offsetX: 0 })).toEqual({
      width: 64,
      height: 32,
      draws: [{ x: 0, y: 0 }],
    });
  });

  it('stacks two rows for a half-drop, the second shifted half a tile and filled from the left', () => {
    expect(repeatBlock({ width: 64, height: 32, offsetX: 32 })).toEqual({
      width: 64,
      height: 64,
      draws: [
        { x: 0, y: 0 },
        { x: 32, y: 32 },
        { x: -32, y: 32 },
      ],
    });
  });

  it('takes as many rows as the shift needs to come round: three for a third-drop, and a negative shift wraps', () => {
    expect(repeatBlock({ width: 90, height: 10, offsetX: 30 }).height).toBe(30);
    expect(repeatBlock({ width: 90, height: 10, offsetX: -30 }).draws[1]).toEqual({ x: 60, y: 10 });
    expect(repeatBlock({ width: 64, height: 10, offsetX: 64 }).height).toBe(10);
  });

  it('caps the rows of a shift that comes round only after many', () => {
    expect(repeatBlock({ width: 97, height: 10, offsetX: 1 }).height).toBe(160);
  });
});

describe('defaultRepeatScale', () => {
  it('starts at about four repeats across the surface, in 5 % steps within 5–200 %', () => {
    expect(defaultRepeatScale(100, 400)).toBe(100);
    expect(defaultRepeatScale(1000, 400)).toBe(10);
    expect(defaultRepeatScale(20, 400)).toBe(200);
    expect(defaultRepeatScale(8000, 400)).toBe(5);
  });
});

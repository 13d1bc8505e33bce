import { describe, expect, it } from 'vitest';
import { hexToOklab, oklabDistance } from '../../../electron/pixels/colour-space';
import { shiftColour } from '../../../electron/pixels/colour-shift';

const hueOf = (hex: string) => {
  const [, a, b] = hexToOklab(hex);
  return (Math.atan2(b, a) * 180) / Math.PI;
};
/** How far a hue is from another, the short way round, in degrees. */
const apart = (hue: number, to: number) => Math.abs(((((to - hue) % 360) + 540) % 360) - 180);
const chromaOf = (hex: string) => Math.hypot(...hexToOklab(hex).slice(1));

describe('a colour moved the way a designer says', () => {
  it('turns a blue toward orange when warmer and a red toward blue when cooler, by a visible step', () => {
    const teal = '#2a7f8f';
    const warmer = shiftColour(teal, 'warmer');
    expect(oklabDistance(hexToOklab(teal), hexToOklab(warmer))).toBeGreaterThan(5);
    expect(apart(hueOf(warmer), 60)).toBeLessThan(apart(hueOf(teal), 60) - 40);
    const red = '#c0392b';
    expect(apart(hueOf(shiftColour(red, 'cooler')), 240)).toBeLessThan(apart(hueOf(red), 240) - 40);
  });

  it('gives a grey a warm or cool tint, which it had none of', () => {
    expect(chromaOf(shiftColour('#808080', 'warmer'))).toBeGreaterThan(0.03);
    expect(apart(hueOf(shiftColour('#808080', 'warmer')), 60)).toBeLessThan(10);
    expect(apart(hueOf(shiftColour('#808080', 'cooler')), 240)).toBeLessThan(10);
  });

  it('changes lightness and chroma, keeping the hue', () => {
    const mustard = '#c9a227';
    expect(hexToOklab(shiftColour(mustard, 'lighter'))[0]).toBeGreaterThan(hexToOklab(mustard)[0] + 0.08);
    expect(hexToOklab(shiftColour(mustard, 'darker'))[0]).toBeLessThan(hexToOklab(mustard)[0] - 0.08);
    expect(chromaOf(shiftColour(mustard, 'muted'))).toBeLessThan(chromaOf(mustard) * 0.7);
    expect(Math.abs(hueOf(shiftColour(mustard, 'muted')) - hueOf(mustard))).toBeLessThan(5);
  });
});

import { describe, expect, it } from 'vitest';
import { isLightColour, relativeLuminance } from '../../../../renderer/components/light-colour';

describe('isLightColour', () => {
  it('knows the ends of the luminance scale', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1);
    expect(relativeLuminance('#000000')).toBe(0);
  });

  it('edges white, cream and the palest greys, which vanish on a white panel', () => {
    for (const hex of ['#ffffff', '#fffdd0', '#f4efe6', '#eeeeee']) expect(isLightColour(hex), hex).toBe(true);
  });

  it('leaves colours that show on white alone', () => {
    for (const hex of ['#1b2a4a', '#e1ad01', '#d21f1f', '#bbbbbb']) expect(isLightColour(hex), hex).toBe(false);
  });
});

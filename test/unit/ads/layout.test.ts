import { describe, expect, it } from 'vitest';
import { fitInside, layoutFor } from '../../../electron/ads/layout';
import { AD_FORMATS } from '../../../shared/model/ads';
import type { Box } from '../../../shared/model/asset';

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('ad layouts', () => {
  for (const format of AD_FORMATS) {
    for (const needs of [
      { subline: true, logo: true, disclaimer: true },
      { subline: false, logo: false, disclaimer: false },
    ]) {
      it(`${format.label} ${JSON.stringify(needs)}: every box inside the canvas, none overlapping`, () => {
        const layout = layoutFor(format.width, format.height, needs);
        const boxes = Object.entries(layout).filter(
          (e): e is [string, Box] => typeof e[1] === 'object' && e[1] !== null,
        );
        expect(boxes.map(([name]) => name).sort()).toEqual(
          [
            'cta',
            'headline',
            'product',
            ...(needs.logo ? ['logo'] : []),
            ...(needs.disclaimer ? ['disclaimer'] : []),
            ...(needs.subline ? ['subline'] : []),
          ].sort(),
        );
        for (const [name, b] of boxes) {
          expect(b.x, name).toBeGreaterThanOrEqual(0);
          expect(b.y, name).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width, name).toBeLessThanOrEqual(format.width);
          expect(b.y + b.height, name).toBeLessThanOrEqual(format.height);
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            expect(overlaps(boxes[i][1], boxes[j][1]), `${boxes[i][0]} overlaps ${boxes[j][0]}`).toBe(false);
          }
      });
    }
  }

  it('keeps story copy out of the bands the story interface covers', () => {
    const story = layoutFor(1080, 1920, { subline: true, logo: false, disclaimer: true });
    for (const b of [story.headline, story.cta, story.disclaimer!]) {
      expect(b.y).toBeGreaterThanOrEqual(1920 * 0.14);
      expect(b.y + b.height).toBeLessThanOrEqual(1920 * 0.8 + 1);
    }
  });

  it('fits a product whole, centred, at its own aspect ratio', () => {
    expect(fitInside(400, 200, { x: 10, y: 10, width: 200, height: 200 })).toEqual({
      x: 10,
      y: 60,
      width: 200,
      height: 100,
    });
    expect(fitInside(100, 300, { x: 0, y: 0, width: 300, height: 150 })).toEqual({
      x: 125,
      y: 0,
      width: 50,
      height: 150,
    });
  });
});

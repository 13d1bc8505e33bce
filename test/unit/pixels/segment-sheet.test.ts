import { describe, expect, it } from 'vitest';
import { segmentSheet } from '../../../electron/pixels';
import { reduceRaster } from '../../../electron/pixels/grey';
import {
  checksRaster,
  dotsRaster,
  organicRaster,
  photoLikeRaster,
  sheetRaster,
  solidRaster,
  stripesRaster,
} from '../../support/images';

describe('segmentSheet', () => {
  it('finds the three designs on a sheet, boxes within 4 %', () => {
    const { raster, designs } = sheetRaster({ width: 1200, height: 800 });
    const small = reduceRaster(raster, 256);
    const boxes = segmentSheet(small);
    expect(boxes).toHaveLength(3);
    const sx = 1200 / small.width,
      sy = 800 / small.height;
    for (const [i, d] of designs.entries()) {
      const b = boxes[i];
      expect(Math.abs(b.x * sx - d.box.x)).toBeLessThanOrEqual(1200 * 0.04);
      expect(Math.abs(b.y * sy - d.box.y)).toBeLessThanOrEqual(800 * 0.04);
      expect(Math.abs(b.width * sx - d.box.width)).toBeLessThanOrEqual(1200 * 0.04);
      expect(Math.abs(b.height * sy - d.box.height)).toBeLessThanOrEqual(800 * 0.04);
    }
  });

  it.each([
    ['a solid colour', solidRaster({ width: 256, height: 200, colour: '#ffffff' })],
    ['a full-bleed pattern', checksRaster({ width: 256, height: 200, period: 32, colours: ['#1b2a4a', '#ffffff'] })],
    [
      'stripes',
      stripesRaster({
        width: 256,
        height: 200,
        period: 20,
        orientation: 'horizontal',
        colours: ['#1b2a4a', '#ffffff'],
      }),
    ],
    [
      'wide stripes on white, each band its own blob',
      stripesRaster({
        width: 480,
        height: 320,
        period: 24,
        orientation: 'horizontal',
        colours: ['#1b2a4a', '#ffffff'],
      }),
    ],
    [
      'large polka dots',
      dotsRaster({ width: 300, height: 300, spacing: 50, radius: 14, colours: ['#d21f1f', '#ffffff'] }),
    ],
    ['a photo', photoLikeRaster({ width: 256, height: 200 })],
    ['an all-over floral', organicRaster({ width: 256, height: 200 })],
  ])('returns no regions for %s', (_name, raster) => {
    expect(segmentSheet(raster)).toEqual([]);
  });
});

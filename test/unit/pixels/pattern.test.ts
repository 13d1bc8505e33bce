import { describe, expect, it } from 'vitest';
import { analyzeRaster } from '../../../electron/pixels';
import {
  checksRaster,
  dotsRaster,
  geometricRaster,
  gradientRaster,
  organicRaster,
  photoLikeRaster,
  solidRaster,
  stripesRaster,
  textureRaster,
} from '../../support/images';
import { reduceRaster } from '../../../electron/pixels/grey';

const size = { width: 512, height: 384 };
const navyWhite: [string, string] = ['#1b2a4a', '#ffffff'];

describe('pattern labels', () => {
  it.each([
    ['solid', solidRaster({ ...size, colour: '#9caf88' })],
    ['stripes', stripesRaster({ ...size, period: 32, orientation: 'horizontal', colours: navyWhite })],
    ['checks', checksRaster({ ...size, period: 64, colours: ['#1f4d2b', '#fffdd0'] })],
    ['dots', dotsRaster({ ...size, spacing: 40, radius: 9, colours: ['#ffffff', '#800020'] })],
    ['gradient', gradientRaster({ ...size, colours: ['#0047ab', '#ffffff'] })],
    ['floral/organic', organicRaster({ ...size, seed: 11 })],
    ['geometric', geometricRaster({ ...size, cell: 64 })],
    ['texture', textureRaster({ ...size, seed: 12 })],
    ['photo/other', photoLikeRaster({ ...size, seed: 13 })],
  ] as const)('labels %s', (label, raster) => {
    const { pattern } = analyzeRaster(raster);
    expect(pattern.label).toBe(label);
    expect(pattern.confidence).toBeGreaterThan(0.3);
    expect(pattern.confidence).toBeLessThanOrEqual(1);
  });

  it('flags solid only for solid images, and gives them no repeat', () => {
    expect(analyzeRaster(solidRaster({ ...size, colour: '#1b2a4a' })).pattern).toMatchObject({
      solid: true,
      repeat: null,
    });
    expect(analyzeRaster(gradientRaster({ ...size, colours: ['#1b2a4a', '#87ceeb'] })).pattern.solid).toBe(false);
  });

  it('sets the checks and dots flags', () => {
    expect(analyzeRaster(checksRaster({ ...size, period: 48, colours: navyWhite })).pattern).toMatchObject({
      checks: true,
      dots: false,
    });
    expect(analyzeRaster(dotsRaster({ ...size, spacing: 32, radius: 7, colours: navyWhite })).pattern).toMatchObject({
      dots: true,
      checks: false,
    });
  });

  it('finds dots that differ from the ground only in hue, not lightness', () => {
    const { pattern } = analyzeRaster(dotsRaster({ ...size, spacing: 36, radius: 8, colours: ['#d21f1f', '#1f4d2b'] }));
    expect(pattern.label).toBe('dots');
  });
});

describe('stripe orientation', () => {
  it.each(['horizontal', 'vertical', 'diagonal'] as const)('reports %s stripes', (orientation) => {
    const { pattern } = analyzeRaster(stripesRaster({ ...size, period: 36, orientation, colours: navyWhite }));
    expect(pattern.label).toBe('stripes');
    expect(pattern.stripeOrientation).toBe(orientation);
  });

  it('has no orientation for non-stripes', () => {
    expect(
      analyzeRaster(checksRaster({ ...size, period: 48, colours: navyWhite })).pattern.stripeOrientation,
    ).toBeNull();
  });
});

describe('repeat size in original pixels', () => {
  it.each([24, 37, 50, 96])('vertical stripes of period %i at native size', (period) => {
    const r = stripesRaster({ width: 256, height: 256, period, orientation: 'vertical', colours: navyWhite });
    const repeat = analyzeRaster(r).pattern.repeat!;
    expect(Math.abs(repeat.width - period)).toBeLessThanOrEqual(1);
  });

  it.each([
    [40, 1600, 1200],
    [53, 2400, 1600],
    [120, 3000, 2000],
  ])('horizontal stripes of period %i in a %i×%i image analysed at 256 px', (period, width, height) => {
    const big = stripesRaster({ width, height, period, orientation: 'horizontal', colours: navyWhite });
    const repeat = analyzeRaster(reduceRaster(big, 256), { originalWidth: width, originalHeight: height }).pattern
      .repeat!;
    expect(Math.abs(repeat.height - period)).toBeLessThanOrEqual(2);
    expect(repeat.score).toBeGreaterThan(0.5);
  });

  it.each([
    [48, 1200, 900],
    [100, 2000, 1500],
  ])('checks of period %i in a %i×%i image', (period, width, height) => {
    const big = checksRaster({ width, height, period, colours: ['#d21f1f', '#ffffff'] });
    const repeat = analyzeRaster(reduceRaster(big, 256), { originalWidth: width, originalHeight: height }).pattern
      .repeat!;
    expect(Math.abs(repeat.width - period)).toBeLessThanOrEqual(2);
    expect(Math.abs(repeat.height - period)).toBeLessThanOrEqual(2);
    expect(repeat.offsetX).toBe(0);
  });

  it('reports a half-drop offset for half-drop dots', () => {
    const repeat = analyzeRaster(
      dotsRaster({ width: 640, height: 480, spacing: 48, radius: 9, colours: navyWhite, halfDrop: true }),
    ).pattern.repeat!;
    expect(Math.abs(repeat.width - 48)).toBeLessThanOrEqual(1);
    expect(Math.abs(repeat.height - 48)).toBeLessThanOrEqual(1);
    expect(Math.abs(repeat.offsetX - 24)).toBeLessThanOrEqual(1);
  });

  it('reports no repeat for non-periodic images', () => {
    expect(analyzeRaster(photoLikeRaster({ ...size, seed: 2 })).pattern.repeat).toBeNull();
    expect(analyzeRaster(organicRaster({ ...size, seed: 2 })).pattern.repeat).toBeNull();
  });
});

describe('colourfulness', () => {
  it('is 0 for greys and higher for saturated colours', () => {
    expect(analyzeRaster(solidRaster({ ...size, colour: '#808080' })).colourfulness).toBe(0);
    const vivid = analyzeRaster(checksRaster({ ...size, period: 40, colours: ['#d21f1f', '#2e9e3e'] })).colourfulness;
    const muted = analyzeRaster(checksRaster({ ...size, period: 40, colours: ['#808080', '#9caf88'] })).colourfulness;
    expect(vivid).toBeGreaterThan(muted);
    expect(vivid).toBeLessThanOrEqual(1);
  });
});

import fc from 'fast-check';
import { expect, it } from 'vitest';
import { analyzeRaster, featureVector, perceptualHash } from '../../../electron/pixels';
import { LocalAnalysis } from '../../../shared/model/asset';

const raster = fc
  .record({
    width: fc.integer({ min: 1, max: 40 }),
    height: fc.integer({ min: 1, max: 40 }),
    seed: fc.integer(),
    levels: fc.constantFrom(1, 2, 3, 256),
  })
  .chain(({ width, height, levels }) =>
    fc.uint8Array({ minLength: width * height * 3, maxLength: width * height * 3 }).map((data) => ({
      data: data.map((v) => Math.floor(v / (256 / levels)) * Math.floor(255 / Math.max(1, levels - 1))),
      width,
      height,
      channels: 3 as const,
    })),
  );

it('never throws on arbitrary small rasters, and returns a valid analysis with shares summing to 1', () => {
  fc.assert(
    fc.property(raster, (r) => {
      const analysis = analyzeRaster(r);
      expect(LocalAnalysis.safeParse(analysis).success).toBe(true);
      const total = analysis.palette.reduce((s, p) => s + p.share, 0);
      expect(Math.abs(total - 1)).toBeLessThan(0.01);
      expect(perceptualHash(r)).toMatch(/^[0-9a-f]{16}$/);
      expect(featureVector(r).every(Number.isFinite)).toBe(true);
    }),
    { numRuns: 150 },
  );
});

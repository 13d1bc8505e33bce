import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processImage, TILE_THRESHOLD_PIXELS } from '../../../electron/imaging';
import { tileBoxes } from '../../../electron/imaging/tiles';
import { makeStripes } from '../../support/images';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'sb-tiles-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('tiles', () => {
  it('are only made above 24 megapixels, inside the image', () => {
    expect(TILE_THRESHOLD_PIXELS).toBe(24_000_000);
    expect(tileBoxes(4000, 3000)).toEqual([]);
    const boxes = tileBoxes(6000, 5000);
    expect(boxes).toHaveLength(4);
    for (const b of boxes) {
      expect(b).toMatchObject({ width: 1024, height: 1024 });
      expect(b.x + b.width).toBeLessThanOrEqual(6000);
      expect(b.y + b.height).toBeLessThanOrEqual(5000);
    }
  });

  it('find a fine pattern the whole-image analysis cannot see', async () => {
    // 12 px stripes are 0.5 px at the whole image's 256 px working size, 3 px in a tile's.
    const bytes = await makeStripes({
      width: 6000,
      height: 5000,
      period: 12,
      orientation: 'vertical',
      colours: ['#1b2a4a', '#ffffff'],
      format: 'jpeg',
      quality: 90,
    });
    const out = await processImage(bytes, { hash: 'ab'.repeat(32), cacheDir });
    expect(out.tiles).toHaveLength(4);
    for (const tile of out.tiles) {
      expect(tile.analysis.pattern.label).toBe('stripes');
      expect(tile.analysis.pattern.stripeOrientation).toBe('vertical');
      expect(Math.abs(tile.analysis.pattern.repeat!.width - 12)).toBeLessThanOrEqual(1);
    }
    expect(out.analysis.pattern.repeat?.width).not.toBe(12);
  });
});

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  byteGridOf,
  featureVector,
  fromByteGrid,
  hammingDistance,
  perceptualHash,
  similarity,
  VECTOR_LENGTH,
} from '../../../electron/pixels';
import { decodeToRaster } from '../../support/decode';
import {
  makeChecks,
  makeDots,
  makeOrganic,
  makePhotoLike,
  makeStripes,
  stripesRaster,
  dotsRaster,
} from '../../support/images';

const size = { width: 800, height: 600 };

describe('perceptual hash', () => {
  it('is 16 hex digits', async () => {
    expect(perceptualHash(await decodeToRaster(await makePhotoLike({ ...size, seed: 1 })))).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    ['photo', () => makePhotoLike({ ...size, seed: 4 })],
    ['organic', () => makeOrganic({ ...size, seed: 4 })],
  ])('matches a %s re-encoded as JPEG q70 and resized (distance ≤ 8)', async (_name, make) => {
    const original = await make();
    const copy = await sharp(original).resize(560).jpeg({ quality: 70 }).toBuffer();
    const d = hammingDistance(
      perceptualHash(await decodeToRaster(original)),
      perceptualHash(await decodeToRaster(copy)),
    );
    expect(d).toBeLessThanOrEqual(8);
  });

  it('tells different images apart (distance > 16)', async () => {
    const images = await Promise.all([
      makePhotoLike({ ...size, seed: 1 }),
      makeOrganic({ ...size, seed: 2 }),
      makeStripes({ ...size, period: 50, orientation: 'horizontal', colours: ['#1b2a4a', '#ffffff'] }),
      makeChecks({ ...size, period: 120, colours: ['#d21f1f', '#ffffff'] }),
    ]);
    const hashes = await Promise.all(images.map(async (b) => perceptualHash(await decodeToRaster(b))));
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) expect(hammingDistance(hashes[i], hashes[j])).toBeGreaterThan(16);
    }
  });

  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('0123456789abcdef', '0123456789abcdef')).toBe(0);
    expect(hammingDistance('0000000000000001', '0000000000000003')).toBe(1);
  });
});

describe('feature vector', () => {
  it('is small, unit length and on the byte grid', () => {
    const v = featureVector(
      stripesRaster({ ...size, period: 40, orientation: 'vertical', colours: ['#1b2a4a', '#ffffff'] }),
    );
    expect(v).toHaveLength(VECTOR_LENGTH);
    expect(v.length).toBeLessThanOrEqual(96);
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    const grid = byteGridOf(v)!;
    expect(fromByteGrid(grid)).toEqual(v);
    expect(Math.max(...grid.bytes)).toBe(255);
  });

  it('puts two navy stripe images closer to each other than to red dots', async () => {
    const a = featureVector(
      await decodeToRaster(
        await makeStripes({ ...size, period: 40, orientation: 'vertical', colours: ['#1b2a4a', '#ffffff'] }),
      ),
    );
    const b = featureVector(
      await decodeToRaster(
        await makeStripes({
          ...size,
          period: 64,
          orientation: 'horizontal',
          colours: ['#1b2a4a', '#f5f5f5'],
          format: 'jpeg',
        }),
      ),
    );
    const c = featureVector(
      await decodeToRaster(await makeDots({ ...size, spacing: 40, radius: 10, colours: ['#d21f1f', '#ffffff'] })),
    );
    expect(similarity(a, b)).toBeGreaterThan(similarity(a, c));
    expect(similarity(a, b)).toBeGreaterThan(similarity(b, c));
  });

  it('scores an image as most similar to itself', () => {
    const v = featureVector(dotsRaster({ ...size, spacing: 30, radius: 6, colours: ['#6a2c91', '#ffffff'] }));
    expect(similarity(v, v)).toBeCloseTo(1, 3);
  });
});

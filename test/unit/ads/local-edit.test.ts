import { describe, expect, it } from 'vitest';
import { fillRegion, localEditOf, recolourRegion } from '../../../electron/ads/local-edit';

describe('what the local compositor can do to a region', () => {
  it('reads removals and colours, and nothing it would have to invent', () => {
    expect(localEditOf('')).toEqual({ kind: 'fill' });
    expect(localEditOf('Remove')).toEqual({ kind: 'fill' });
    expect(localEditOf('remove the lamp in the corner')).toEqual({ kind: 'fill' });
    expect(localEditOf('#C8B8A0')).toEqual({ kind: 'recolour', colour: '#c8b8a0' });
    expect(localEditOf('abc')).toEqual({ kind: 'recolour', colour: '#aabbcc' });
    expect(localEditOf('navy')).toEqual({ kind: 'recolour', colour: '#1b2a4a' });
    expect(localEditOf('a plain sky blue background')).toEqual({ kind: 'recolour', colour: '#87ceeb' });
    const warmGrey = localEditOf('plain warm gray');
    expect(warmGrey).toMatchObject({ kind: 'recolour' });
    const hex = (warmGrey as { colour: string }).colour;
    expect(Number.parseInt(hex.slice(1, 3), 16)).toBeGreaterThan(Number.parseInt(hex.slice(5, 7), 16));
    expect(localEditOf('dark green')).not.toEqual(localEditOf('green'));

    for (const prompt of [
      'a sprig of lavender',
      'remove the lamp and add a plant',
      'lavender fields',
      'warm',
      'replace it',
    ])
      expect(localEditOf(prompt), prompt).toBeNull();
  });

  it('recolours only the region', () => {
    const rgb = Buffer.from([10, 20, 30, 40, 50, 60]);
    expect([...recolourRegion(rgb, Buffer.from([0, 255]), '#ff8000')]).toEqual([10, 20, 30, 255, 128, 0]);
  });

  it('fills a hole from its surroundings, follows a gradient, and borrows nothing from the product', () => {
    const width = 40,
      height = 20;
    const rgb = Buffer.alloc(width * height * 3);
    const region = Buffer.alloc(width * height);
    const product = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        rgb.set([x * 6, 100, 200 - x * 5], i * 3);
        if (x >= 15 && x < 25 && y >= 5 && y < 15) {
          region[i] = 255;
          rgb.set([255, 0, 0], i * 3); // what is to be removed
        }
        if (x >= 25 && x < 28 && y >= 5 && y < 15) {
          product[i] = 255;
          rgb.set([0, 255, 0], i * 3);
        }
      }
    const filled = fillRegion(rgb, width, height, region, product)!;
    for (let i = 0; i < region.length; i++) {
      if (!region[i]) {
        expect(filled.subarray(i * 3, i * 3 + 3)).toEqual(rgb.subarray(i * 3, i * 3 + 3));
        continue;
      }
      const x = i % width;
      expect(Math.abs(filled[i * 3] - x * 6)).toBeLessThan(40);
      expect(filled[i * 3 + 1]).toBeLessThan(130); // no green from the product
    }
    // Left of the hole darker than right of it: the gradient carries through.
    expect(filled[(10 * width + 16) * 3]).toBeLessThan(filled[(10 * width + 23) * 3]);
    expect(fillRegion(rgb, width, height, Buffer.alloc(width * height, 255), product)).toBeNull();
  });
});

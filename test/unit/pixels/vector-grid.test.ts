import { describe, expect, it } from 'vitest';
import { byteGridOf, fromByteGrid, onByteGrid } from '../../../electron/pixels/vector-grid';
import { seededRandom } from '../../../electron/pixels/seeded-random';

const unit = (values: number[]) => {
  const norm = Math.hypot(...values);
  return values.map((v) => v / norm);
};

describe('the byte grid of similarity vectors', () => {
  const random = seededRandom(5);
  const vectors = Array.from({ length: 50 }, () => unit(Array.from({ length: 68 }, () => random() ** 3)));

  it('keeps a vector unit length and near where it was, and gives back the same numbers from its bytes', () => {
    for (const v of vectors) {
      const onGrid = onByteGrid(v);
      expect(Math.hypot(...onGrid)).toBeCloseTo(1, 5);
      const cosine = onGrid.reduce((s, x, i) => s + x * v[i], 0);
      expect(cosine).toBeGreaterThan(0.9999);
      const grid = byteGridOf(onGrid)!;
      expect(fromByteGrid(grid)).toEqual(onGrid);
      // As float32, as a library holds it: the same bytes.
      expect(byteGridOf(onGrid.map(Math.fround))).toEqual(grid);
    }
  });

  it('leaves a vector with a negative component, or none at all, as it is; neither is on the grid', () => {
    const signed = [0.6, -0.8];
    expect(onByteGrid(signed)).toEqual(signed);
    expect(byteGridOf(signed)).toBeNull();
    expect(onByteGrid([0, 0])).toEqual([0, 0]);
    expect(byteGridOf([0, 0])).toBeNull();
    expect(byteGridOf(vectors[0])).toBeNull();
  });
});

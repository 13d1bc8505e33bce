import { describe, expect, it } from 'vitest';
import { cellImageKind, tilesInCell } from '../../../../renderer/library/cell-image';

describe('tilesInCell', () => {
  it('tiles an image when two repeats fit each way in the cell', () => {
    expect(tilesInCell({ width: 64, height: 64 }, 154)).toBe(true);
    expect(tilesInCell({ width: 128, height: 128 }, 256)).toBe(true);
    expect(tilesInCell({ width: 128, height: 40 }, 256)).toBe(true);
  });

  it('fits an image that would show one repeat and a sliver, or that is large on either axis', () => {
    expect(tilesInCell({ width: 129, height: 128 }, 256)).toBe(false);
    expect(tilesInCell({ width: 100, height: 300 }, 256)).toBe(false);
    expect(tilesInCell({ width: 2000, height: 1000 }, 506)).toBe(false);
  });

  it('tiles a small image at a large cell size that it fits to at a small one', () => {
    const swatch = { width: 120, height: 120 };
    expect(tilesInCell(swatch, 154)).toBe(false);
    expect(tilesInCell(swatch, 314)).toBe(true);
  });

  it('never tiles an image of unknown size', () => {
    expect(tilesInCell({ width: 0, height: 0 }, 506)).toBe(false);
  });
});

describe('cellImageKind', () => {
  const photo = { width: 4000, height: 3000 };

  it('keeps the 256 px thumbnail while the cell needs no more device pixels than it has', () => {
    expect(cellImageKind(photo, 154, 1)).toBe('thumb');
    expect(cellImageKind(photo, 128, 2)).toBe('thumb');
  });

  it('takes the 512 px preview for large cells and for small cells on high-density screens', () => {
    expect(cellImageKind(photo, 400, 1)).toBe('preview');
    expect(cellImageKind(photo, 154, 2)).toBe('preview');
  });

  it('keeps the thumbnail when the image has no more pixels than it anyway', () => {
    expect(cellImageKind({ width: 240, height: 180 }, 506, 2)).toBe('thumb');
  });
});

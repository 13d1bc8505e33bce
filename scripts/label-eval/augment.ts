/** More training examples from each training image: a quarter turn, and two offset crops of a large one. */
import type { Raster } from '../../electron/pixels';
import { isSmallTile } from '../../electron/pixels/small-tile';

function quarterTurn(r: Raster): Raster {
  const data = new Uint8Array(r.data.length);
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++) {
      const from = (y * r.width + x) * 3;
      data.set(r.data.subarray(from, from + 3), (x * r.height + (r.height - 1 - y)) * 3);
    }
  return { data, width: r.height, height: r.width, channels: 3 };
}

function crop(r: Raster, fraction: number, fx: number, fy: number): Raster {
  const width = Math.round(r.width * fraction);
  const height = Math.round(r.height * fraction);
  const x0 = Math.round((r.width - width) * fx);
  const y0 = Math.round((r.height - height) * fy);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const from = ((y + y0) * r.width + x0) * 3;
    data.set(r.data.subarray(from, from + width * 3), y * width * 3);
  }
  return { data, width, height, channels: 3 };
}

export function augmentations(r: Raster): Raster[] {
  // A crop of a small repeat tile is no longer its repeat.
  if (isSmallTile(r.width, r.height)) return [quarterTurn(r)];
  return [quarterTurn(r), crop(r, 0.6, 0.2, 0.8), crop(r, 0.6, 0.8, 0.2)];
}

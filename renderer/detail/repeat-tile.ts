import type { Repeat } from '../../shared/model';

/** A rectangle of the original image, in its pixels, that repeats to make the design. */
export interface RepeatTile {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Horizontal shift of each row of tiles against the one above (half-drop, brick). */
  offsetX: number;
}

/** Rows of tiles a drawn block may hold before the shift comes round again; beyond it the shift is rounded. */
const MAX_ROWS = 16;

/**
 * The tile a design repeats by: the detected repeat, cut from the middle of the image (any
 * repeat-sized rectangle of a repeating design is a tile, and the middle avoids borders), or the
 * whole image when nothing was detected or the repeat does not fit inside it.
 */
export function repeatTileOf(width: number, height: number, repeat: Repeat | null): RepeatTile {
  if (!repeat || repeat.width > width || repeat.height > height) return { x: 0, y: 0, width, height, offsetX: 0 };
  return {
    x: Math.floor((width - repeat.width) / 2),
    y: Math.floor((height - repeat.height) / 2),
    width: repeat.width,
    height: repeat.height,
    offsetX: repeat.offsetX,
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Where to draw the tile, in tile pixels, inside a block that CSS can repeat as is. */
export interface RepeatBlock {
  width: number;
  height: number;
  draws: { x: number; y: number }[];
}

/**
 * CSS repeats a rectangle on a square grid; a half-drop does not. So the block is as many rows
 * as it takes for the row shift to come back to zero (two for a half-drop), each row drawn at
 * its shift and again one tile to the left, so the row is filled from edge to edge.
 */
export function repeatBlock(tile: Pick<RepeatTile, 'width' | 'height' | 'offsetX'>): RepeatBlock {
  const { width, height } = tile;
  const shift = ((Math.round(tile.offsetX) % width) + width) % width;
  const rows = shift === 0 ? 1 : Math.min(MAX_ROWS, width / gcd(shift, width));
  const draws = [];
  for (let row = 0; row < rows; row++) {
    const x = (row * shift) % width;
    draws.push({ x, y: row * height });
    if (x > 0) draws.push({ x: x - width, y: row * height });
  }
  return { width, height: rows * height, draws };
}

export const REPEAT_SCALES = { min: 5, max: 200, step: 5 } as const;

/** A first scale, in percent of the original's pixels, that shows about four repeats across the surface. */
export function defaultRepeatScale(tileWidth: number, surfaceWidth: number): number {
  const percent = (surfaceWidth / 4 / Math.max(1, tileWidth)) * 100;
  const stepped = Math.round(percent / REPEAT_SCALES.step) * REPEAT_SCALES.step;
  return Math.max(REPEAT_SCALES.min, Math.min(REPEAT_SCALES.max, stepped));
}

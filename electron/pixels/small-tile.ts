/**
 * A very small image in a pattern library is a repeat tile (GIMP and Krita patterns, office
 * fill patterns are 8–64 px): alone it is one motif, but what a designer sees and searches
 * for is the surface it makes. Such a tile is measured repeated to fill a working raster.
 */
import type { Raster } from './raster';

/** Images whose long edge is below this are treated as repeat tiles. */
export const SMALL_TILE_EDGE = 64;
/** The tiled raster covers at least this many pixels on each side. */
const TILED_EDGE = 192;

export function isSmallTile(width: number, height: number): boolean {
  return Math.max(width, height) < SMALL_TILE_EDGE;
}

/** The tile repeated to at least TILED_EDGE a side, or null when the raster is not a small tile. */
export function tiledIfSmall(r: Raster): Raster | null {
  if (!isSmallTile(r.width, r.height)) return null;
  const across = Math.ceil(TILED_EDGE / r.width);
  const down = Math.ceil(TILED_EDGE / r.height);
  const width = r.width * across;
  const height = r.height * down;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const src = (y % r.height) * r.width * 3;
    for (let k = 0; k < across; k++) data.set(r.data.subarray(src, src + r.width * 3), (y * width + k * r.width) * 3);
  }
  return { data, width, height, channels: 3 };
}

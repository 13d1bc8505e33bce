import type { CSSProperties } from 'react';
import { MEDIA_EDGES } from '../../shared/api/bridge';

/** The thumbnail box of a grid cell: its width less the cell's 3 px padding each side. */
export const CELL_PADDING = 3;

/** Natural size of an image, in its own pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

/**
 * The cached image a cell shows: the 256 px thumbnail unless the cell needs more device pixels
 * than it has and the image has more to give, then the 512 px preview. Never the original: a
 * grid of originals would read whole files to show a few hundred pixels of each.
 */
export function cellImageKind(image: ImageSize, box: number, pixelRatio: number): 'thumb' | 'preview' {
  const needed = box * pixelRatio;
  const available = Math.max(image.width, image.height);
  return needed > MEDIA_EDGES.thumb && available > MEDIA_EDGES.thumb ? 'preview' : 'thumb';
}

/**
 * A cell tiles an image, at its natural scale, when at least two repeats fit each way: a small
 * swatch or repeat tile is seen as a surface, as fabric is. Larger images are fitted to the cell
 * (a tile of 200 px in a 240 px cell would show one and a sliver, which reads as a crop).
 * Such an image is never over 256 px, so the thumbnail holds it at full resolution.
 */
export function tilesInCell(image: ImageSize, box: number): boolean {
  return image.width > 0 && image.height > 0 && image.width * 2 <= box && image.height * 2 <= box;
}

/**
 * The style that repeats an image over a surface, on its dominant colour until it loads, each
 * tile `tileSize` (CSS background-size). The grid's tiled cells and quick look's tiled view use it.
 */
export function tiledBackground(
  item: { palette: readonly { hex: string }[] },
  src: string,
  tileSize: string,
): CSSProperties {
  return { backgroundColor: item.palette[0]?.hex, backgroundImage: `url("${src}")`, backgroundSize: tileSize };
}

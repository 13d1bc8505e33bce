/** What an asset is indexed by, worked out from its record (see AssetIndex). */
import type { Asset, LocalLabels } from '../../shared/model';

/** Within 5% of each other, width and height count as square. */
const SQUARE_TOLERANCE = 0.05;

/** `root` and each folder below it that contains `file`, not the file itself. */
export function foldersBetween(root: string, file: string): string[] {
  const folders = [root];
  const rest = file.slice(root.length);
  for (let i = 1; i < rest.length; i++) {
    const c = rest[i];
    if (c === '/' || c === '\\') folders.push(root + rest.slice(0, i));
  }
  return folders;
}

export function orientationOf(width: number, height: number): 'landscape' | 'portrait' | 'square' {
  if (Math.abs(width - height) <= SQUARE_TOLERANCE * Math.max(width, height)) return 'square';
  return width > height ? 'landscape' : 'portrait';
}

/**
 * An asset's own searchable words, lowercased: paths, tags, labels, format. Palette colours below
 * the meaningful share are left out of its labels: a speck of red does not make an image "red".
 */
export function ownText(asset: Asset, labels: LocalLabels): string {
  const parts = [
    ...asset.locations.map((l) => l.path),
    ...asset.tags,
    ...labels.patterns,
    ...labels.colours,
    asset.metadata.format,
  ];
  return parts.join('\n').toLowerCase();
}

/** Lowercase, with digit runs zero-padded so "swatch9" sorts before "swatch10". */
export function naturalKey(name: string): string {
  return name.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

export function splitPhash(phash: string): [number, number] {
  const hi = Number.parseInt(phash.slice(0, 8), 16);
  const lo = Number.parseInt(phash.slice(8, 16), 16);
  return [Number.isNaN(hi) ? 0 : hi, Number.isNaN(lo) ? 0 : lo];
}

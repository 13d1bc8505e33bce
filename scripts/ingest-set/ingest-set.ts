/**
 * The real-image ingest set: large photographs, scans, wallpapers and textures (1–12 MP, JPEG,
 * PNG, TIFF, WebP) from Debian packages, only fetched to time ingest against the bare-sharp floor.
 * A manifest in the repository names each file (package, member, SHA-256) and packages.tsv each
 * package's licence; the assemble script fills the folder. Nothing here is committed or shipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evalDir } from '../label-eval/eval-set';

export interface IngestSetImage {
  package: string;
  /** Path inside the package. */
  member: string;
  format: string;
  width: number;
  height: number;
  sha256: string;
  /** Where the assembled image lives (it may not be there yet). */
  file: string;
}

export const MANIFEST = path.resolve(import.meta.dirname, '../../test/ingest-set/images.tsv');
export const PACKAGES = path.resolve(import.meta.dirname, '../../test/ingest-set/packages.tsv');

/**
 * Packages whose images are held out for other evaluations: never part of this set, so timing
 * runs never put them through the pipeline being tuned.
 */
export const HELD_OUT = new Set([
  'gimp-data',
  'inkscape',
  'mypaint-data',
  'mypaint-data-extras',
  'openclipart-png',
  'python3-skimage',
  'gnome-backgrounds',
  'mate-backgrounds',
  'sway-backgrounds',
  'desktop-base',
]);

/**
 * Its own folder beside the label set's (same SWATCHBOOK_EVAL_DIR): the .deb cache too, so the two
 * assemble scripts can run at once without one reading the other's half-downloaded package.
 */
export function ingestSetDir(): string {
  return path.join(evalDir(), 'ingest-set');
}

export function imagesDir(dir = ingestSetDir()): string {
  return path.join(dir, 'images');
}

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));
}

/** Package → licence, from packages.tsv. */
export function readLicences(): Map<string, string> {
  return new Map(rows(PACKAGES).map(([pkg, licence]) => [pkg, licence]));
}

/** The manifest, checked: every package has a recorded licence and none is held out. */
export function readManifest(dir = ingestSetDir()): IngestSetImage[] {
  const licences = readLicences();
  return rows(MANIFEST).map(([pkg, member, format, size, sha256], i) => {
    const where = `images.tsv:${i + 2}`;
    if (HELD_OUT.has(pkg)) throw new Error(`${where}: ${pkg} is held out of this set`);
    if (!licences.get(pkg)) throw new Error(`${where}: no licence recorded for ${pkg} in packages.tsv`);
    const [width, height] = size.split('x').map(Number);
    if (!(width > 0 && height > 0)) throw new Error(`${where}: size must be WIDTHxHEIGHT`);
    const file = path.join(imagesDir(dir), `${pkg}--${member.replace(/^usr\/share\//, '').replace(/\//g, '_')}`);
    return { package: pkg, member, format, width, height, sha256, file };
  });
}

/** The assembled set's folder, or the reason it cannot be used here and how to fix it. */
export function assembledIngestSet(): { dir: string; images: IngestSetImage[] } | { missing: string } {
  const images = readManifest();
  const absent = images.filter((img) => !existsSync(img.file));
  if (absent.length === 0) return { dir: imagesDir(), images };
  return {
    missing: `${absent.length} of ${images.length} real ingest images are not in ${imagesDir()}: run npm run ingest-set:assemble`,
  };
}

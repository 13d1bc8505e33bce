/**
 * The labelled evaluation set of real images: a manifest in the repository (which Debian
 * package, which file in it, the hand-checked labels, the split, the bytes' SHA-256) and the
 * folder the assemble script fills with the images themselves. Nothing here is shipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PATTERN_LABELS, type PatternLabel } from '../../shared/vocabulary/pattern-labels';

export interface EvalImage {
  package: string;
  /** Path inside the package; `archive:member` for a file inside a zip archive the package ships. */
  member: string;
  /** Hand-checked labels, the dominant first. */
  labels: PatternLabel[];
  split: 'train' | 'test';
  sha256: string;
  /** Where the assembled image lives (it may not be there yet). */
  file: string;
}

export const MANIFEST = path.resolve(import.meta.dirname, '../../test/eval-set/labels.tsv');

/** SWATCHBOOK_EVAL_DIR, else the user's cache folder. */
export function evalDir(): string {
  const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return process.env.SWATCHBOOK_EVAL_DIR ?? path.join(cache, 'swatchbook-eval');
}

/** X11 bitmaps (XBM text), named without an extension in xbitmaps; stored decoded to PNG. */
export function isXbmMember(member: string): boolean {
  return /\.xbm$/i.test(member) || member.includes('/X11/bitmaps/');
}

/** Output file name: the package and member flattened, with the format the image is stored in. */
function outputName(pkg: string, member: string): string {
  const flat = `${pkg}--${member.replace(/^usr\/(share|lib)\//, '').replace(/[/:]/g, '_')}`;
  if (isXbmMember(member)) return `${flat.replace(/\.xbm$/i, '')}.png`;
  if (/\.pat$/i.test(flat)) return flat.replace(/\.pat$/i, '.png');
  return flat.replace(/\.svgz$/i, '.svg');
}

function parseLabels(field: string, line: number): PatternLabel[] {
  const labels = field.split(',');
  for (const l of labels)
    if (!(PATTERN_LABELS as readonly string[]).includes(l)) throw new Error(`labels.tsv:${line}: unknown label "${l}"`);
  return labels as PatternLabel[];
}

export function readManifest(dir = evalDir()): EvalImage[] {
  const lines = readFileSync(MANIFEST, 'utf8').trim().split('\n').slice(1);
  return lines.map((line, i) => {
    const [pkg, member, labels, split, sha256] = line.split('\t');
    if (split !== 'train' && split !== 'test') throw new Error(`labels.tsv:${i + 2}: split must be train or test`);
    const file = path.join(dir, 'images', outputName(pkg, member));
    return { package: pkg, member, labels: parseLabels(labels, i + 2), split, sha256, file };
  });
}

/** The assembled images, or null with the reason when the set has not been assembled here. */
export function assembledSet(): { images: EvalImage[] } | { missing: string } {
  const images = readManifest();
  const absent = images.filter((img) => !existsSync(img.file));
  if (absent.length === 0) return { images };
  return {
    missing: `${absent.length} of ${images.length} evaluation images are not in ${evalDir()}: run npm run eval:assemble`,
  };
}

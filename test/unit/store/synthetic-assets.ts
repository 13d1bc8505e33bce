import { hexToOklab, oklabToHex } from '../../../electron/pixels/colour-space';
import { onByteGrid } from '../../../electron/pixels/vector-grid';
import { PATTERN_LABELS, type PatternLabel } from '../../../shared/vocabulary/pattern-labels';
import { COLOUR_NAMES } from '../../../shared/vocabulary/colour-names';
import { REVIEW_STATUSES, type Asset, type PaletteColour } from '../../../shared/model';

const FORMATS = ['jpeg', 'png', 'tiff', 'webp'];
const TAGS = [
  'spring',
  'summer',
  'autumn',
  'winter',
  'kids',
  'menswear',
  'homeware',
  'archive',
  'client-a',
  'client-b',
];
const FOLDERS = ['/library/prints', '/library/swatches', '/library/photos', '/mnt/archive/designs'];
const SUBFOLDERS = ['2021', '2022', '2023', '2024', 'seasonal', 'misc'];
const VECTOR_LENGTH = 64;

export type Random = () => number;

/** mulberry32: small, fast and seeded, so a benchmark builds the same library every run. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)];

/** `n` plausible assets: 2–6 colour palettes from the vocabulary, unit vectors, random phashes. */
export function makeSyntheticAssets(n: number, seed: number): Asset[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => syntheticAsset(random, i));
}

function syntheticAsset(random: Random, i: number): Asset {
  const path = `${pick(random, FOLDERS)}/${pick(random, SUBFOLDERS)}/design-${i}.${pick(random, ['jpg', 'png', 'tif'])}`;
  const count = 2 + Math.floor(random() * 5);
  const weights = Array.from({ length: count }, () => random() ** 2 + 0.02).sort((a, b) => b - a);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const palette = weights.map((w) => jitteredColour(random, pick(random, COLOUR_NAMES), w / total));
  const tags = TAGS.filter(() => random() < 0.12);
  return makeAsset({
    hash: `h${i.toString(16).padStart(8, '0')}${Math.floor(random() * 0xffffffff).toString(16)}`,
    path,
    palette,
    pattern: pick(random, PATTERN_LABELS),
    width: 400 + Math.floor(random() * 4000),
    height: 400 + Math.floor(random() * 4000),
    format: pick(random, FORMATS),
    tags,
    status: pick(random, REVIEW_STATUSES),
    addedAt: 1_700_000_000_000 + i * 1000,
    colourfulness: random(),
    vector: unitVector(random),
    phash: Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join(''),
  });
}

function jitteredColour(random: Random, base: { name: string; hex: string }, share: number): PaletteColour {
  const [L, a, b] = hexToOklab(base.hex);
  const hex = oklabToHex([L + (random() - 0.5) * 0.04, a + (random() - 0.5) * 0.02, b + (random() - 0.5) * 0.02]);
  return { hex, name: base.name, share, lab: hexToOklab(hex) };
}

export function unitVector(random: Random, length = VECTOR_LENGTH): number[] {
  // Non-negative, unit length and on the byte grid, as the analyzer writes them (feature-vector.ts).
  const v = Array.from({ length }, () => random());
  const norm = Math.hypot(...v);
  return onByteGrid(v.map((x) => x / norm));
}

export interface AssetSpec {
  hash: string;
  path: string;
  /** Palette colours as [vocabulary name, share] or full PaletteColours. */
  palette?: (readonly [string, number] | PaletteColour)[];
  pattern?: PatternLabel;
  width?: number;
  height?: number;
  format?: string;
  tags?: string[];
  status?: Asset['status'];
  addedAt?: number;
  colourfulness?: number;
  vector?: number[];
  phash?: string;
  fileSize?: number;
}

/** A complete Asset from the few fields a test cares about. */
export function makeAsset(spec: AssetSpec): Asset {
  const palette = (spec.palette ?? [['grey', 1]]).map((c) =>
    Array.isArray(c) ? namedColour(c[0], c[1]) : (c as PaletteColour),
  );
  return {
    hash: spec.hash,
    metadata: {
      width: spec.width ?? 1000,
      height: spec.height ?? 800,
      format: spec.format ?? 'jpeg',
      space: 'srgb',
      dpi: 300,
      hasAlpha: false,
      pages: 1,
    },
    locations: [{ path: spec.path, fileSize: spec.fileSize ?? 1234, mtimeMs: 1_700_000_000_000 }],
    analysis: {
      source: 'local',
      version: '1',
      palette,
      pattern: {
        label: spec.pattern ?? 'solid',
        confidence: 0.9,
        solid: false,
        repeat: null,
        stripeOrientation: null,
        checks: false,
        dots: false,
      },
      colourfulness: spec.colourfulness ?? 0.5,
    },
    tiles: [],
    segments: [],
    phash: spec.phash ?? '0000000000000000',
    vector: spec.vector ?? unitVector(seededRandom(spec.hash.length * 7919 + spec.hash.charCodeAt(0))),
    tags: spec.tags ?? [],
    status: spec.status ?? 'unreviewed',
    addedAt: spec.addedAt ?? 1_700_000_000_000,
  };
}

function namedColour(name: string, share: number): PaletteColour {
  const entry = COLOUR_NAMES.find((c) => c.name === name);
  if (!entry) throw new Error(`not a vocabulary colour: ${name}`);
  return { hex: entry.hex, name, share, lab: hexToOklab(entry.hex) };
}

import type { Asset, LocalAnalysis, PaletteColour, Segment } from '../../shared/model';
import { byteGridOf, fromByteGrid, paletteLab } from '../pixels';

const FLOAT32 = 'f32:';
const GRID16 = 'i16:';
const BYTES = 'u8:';
/** The analyzer writes vector components to 4 decimals (feature-vector.ts): such a vector is 16-bit integers. */
const VECTOR_GRID = 1e4;
const INT16_LIMIT = 32_767;

/** Palette coordinates and shares are kept to this many decimals: 1e-4 in OKLab is ~0.01 ΔE, far below what an eye tells apart. */
const PALETTE_DECIMALS = 4;

/**
 * Fields a line leaves out when they hold these values (most images: sRGB, no alpha, one page,
 * no tiles, segments or tags, not reviewed, a pattern that is neither solid, striped, checked nor
 * dotted). About 200 bytes per image; reading puts them back, so what memory holds is unchanged.
 */
const METADATA_DEFAULTS = () => ({ space: 'srgb', dpi: null, hasAlpha: false, pages: 1 });
const PATTERN_DEFAULTS = () => ({ solid: false, repeat: null, stripeOrientation: null, checks: false, dots: false });
const ASSET_DEFAULTS = () => ({ tiles: [], segments: [], tags: [], status: 'unreviewed' });
/** Every stored analysis is the local analyzer's (a model's answers are records of their own). */
const ANALYSIS_DEFAULTS = () => ({ source: 'local' });

type Fields = Record<string, unknown>;

/**
 * An asset as a shard file holds it: fields at their defaults left out; the similarity vector as
 * base64 of its bytes when it is on the analyzer's byte grid (vector-grid.ts: a quarter of float32,
 * and exact), of 16-bit integers when on the 4-decimal grid older analyses used, else of its
 * float32 values; palette numbers to PALETTE_DECIMALS instead of 17 digits.
 */
export type PackedAsset = Pick<Asset, 'hash' | 'locations'> & { readonly [field: string]: unknown };

/** Each packed asset's record as memory held it: what was written is told by the record memory has. */
const sources = new WeakMap<PackedAsset, Asset>();

/** The record a packed asset was made from (undefined when it was read from a file, not packed here). */
export function sourceOf(packed: PackedAsset): Asset | undefined {
  return sources.get(packed);
}

export function packAsset(asset: Asset): PackedAsset {
  const packed: Fields = {
    ...withoutDefaults(asset, ASSET_DEFAULTS()),
    metadata: withoutDefaults(asset.metadata, METADATA_DEFAULTS()),
    analysis: packAnalysis(asset.analysis),
  };
  if (asset.tiles.length > 0) packed.tiles = asset.tiles.map(packSegment);
  if (asset.segments.length > 0) packed.segments = asset.segments.map(packSegment);
  if (asset.vector.length > 0) packed.vector = packVector(asset.vector);
  sources.set(packed as PackedAsset, asset);
  return packed as PackedAsset;
}

/** The asset again, in place, whichever way its file wrote it (vectors as numbers: schema 6 and older). */
export function unpackAsset(stored: PackedAsset): Asset {
  const { vector } = stored;
  const asset = withAssetDefaults(stored);
  if (typeof vector === 'string') asset.vector = unpackVector(vector, stored.hash);
  return asset;
}

/**
 * Fills in, on a record just read from its file (so nothing else holds it), every field its
 * line left out; the vector stays as the file has it (a grid cell has no use for it). In place:
 * copies of 250,000 records cost seconds and hundreds of megabytes when a library opens from them.
 */
export function withAssetDefaults(stored: PackedAsset): Asset {
  const asset = withDefaults(stored, ASSET_DEFAULTS()) as unknown as Asset;
  withDefaults(asset.metadata, METADATA_DEFAULTS());
  withAnalysisDefaults(asset.analysis);
  for (const part of [asset.tiles, asset.segments]) for (const s of part) withAnalysisDefaults(s.analysis);
  return asset;
}

function withAnalysisDefaults(analysis: LocalAnalysis): void {
  withDefaults(analysis, ANALYSIS_DEFAULTS());
  withDefaults(analysis.pattern, PATTERN_DEFAULTS());
  for (const colour of analysis.palette) colour.lab ??= paletteLab(colour.hex);
}

const SCALE = 10 ** PALETTE_DECIMALS;

/** A palette number as the store keeps it (PALETTE_DECIMALS). */
export function roundPaletteNumber(value: number): number {
  return Number.isFinite(value) ? Math.round(value * SCALE) / SCALE : value;
}

function packSegment(segment: Segment): Fields {
  return { ...segment, analysis: packAnalysis(segment.analysis) };
}

function packAnalysis(analysis: LocalAnalysis): Fields {
  const palette = analysis.palette.map(packColour);
  const pattern = withoutDefaults(analysis.pattern, PATTERN_DEFAULTS());
  const colourfulness = roundPaletteNumber(analysis.colourfulness);
  return { ...withoutDefaults(analysis, ANALYSIS_DEFAULTS()), palette, pattern, colourfulness };
}

/** A palette colour without its OKLab coordinates when they are its hex's (see paletteLab). */
function packColour({ lab, ...colour }: PaletteColour): Fields {
  const packed: Fields = { ...colour, share: roundPaletteNumber(colour.share) };
  const rounded = lab.map(roundPaletteNumber);
  const derived = paletteLab(colour.hex);
  if (rounded.some((value, i) => value !== derived[i])) packed.lab = rounded;
  return packed;
}

function withoutDefaults<T extends object>(record: T, defaults: Fields): Fields {
  const kept: Fields = {};
  for (const [key, value] of Object.entries(record)) if (!isDefault(value, defaults[key])) kept[key] = value;
  return kept;
}

function isDefault(value: unknown, fallback: unknown): boolean {
  if (Array.isArray(fallback)) return Array.isArray(value) && value.length === 0;
  return fallback !== undefined && value === fallback;
}

/** The record itself, each missing field put in at its default (after the fields the file had). */
function withDefaults<T extends object>(record: T, defaults: Fields): T {
  const fields = record as Fields;
  for (const [key, value] of Object.entries(defaults)) if (!(key in fields)) fields[key] = value;
  return record;
}

function packVector(vector: readonly number[]): string {
  const onBytes = byteGridOf(vector);
  if (onBytes) return `${BYTES}${onBytes.scale}:${Buffer.from(onBytes.bytes).toString('base64')}`;
  const grid = vector.map((v) => Math.round(v * VECTOR_GRID));
  const exact = grid.every(
    (k, i) => Math.abs(k) <= INT16_LIMIT && Math.fround(k / VECTOR_GRID) === Math.fround(vector[i]),
  );
  if (!exact) return FLOAT32 + Buffer.from(Float32Array.from(vector).buffer).toString('base64');
  // Little-endian whatever the machine, as unpackVector reads it.
  const bytes = Buffer.alloc(grid.length * 2);
  grid.forEach((k, i) => bytes.writeInt16LE(k, i * 2));
  return GRID16 + bytes.toString('base64');
}

function unpackVector(text: string, hash: string): number[] {
  if (text.startsWith(BYTES)) {
    const [scale, base64] = text.slice(BYTES.length).split(':');
    return fromByteGrid({ scale: Number(scale), bytes: Buffer.from(base64 ?? '', 'base64') });
  }
  if (text.startsWith(GRID16)) {
    const bytes = Buffer.from(text.slice(GRID16.length), 'base64');
    return Array.from({ length: bytes.length / 2 }, (_, i) => bytes.readInt16LE(i * 2) / VECTOR_GRID);
  }
  if (!text.startsWith(FLOAT32)) throw new Error(`unknown vector encoding in asset ${hash}`);
  const bytes = Buffer.from(text.slice(FLOAT32.length), 'base64');
  return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
}

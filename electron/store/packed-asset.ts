import type { Asset } from '../../shared/model';

const PREFIX = 'f32:';

/** Palette coordinates and shares are kept to this many decimals: 1e-4 in OKLab is ~0.01 ΔE, far below what an eye tells apart. */
const PALETTE_DECIMALS = 4;

/**
 * An asset as a shard file holds it: the similarity vector as base64 of its float32 values
 * (~4× shorter than decimal text, and far quicker to read back; search already compares
 * vectors in float32), and palette numbers to PALETTE_DECIMALS instead of 17 digits (about
 * 200 bytes less per asset).
 */
export type PackedAsset = Asset | (Omit<Asset, 'vector'> & { vector: string });

/** Each packed asset's record as memory held it: what was written is told by the record memory has. */
const sources = new WeakMap<PackedAsset, Asset>();

/** The record a packed asset was made from (undefined when it was read from a file, not packed here). */
export function sourceOf(packed: PackedAsset): Asset | undefined {
  return sources.get(packed);
}

export function packAsset(asset: Asset): PackedAsset {
  const { analysis } = asset;
  const palette = analysis.palette.map((colour) => ({
    ...colour,
    share: roundPaletteNumber(colour.share),
    lab: colour.lab.map(roundPaletteNumber) as typeof colour.lab,
  }));
  const rounded = {
    ...asset,
    analysis: { ...analysis, palette, colourfulness: roundPaletteNumber(analysis.colourfulness) },
  };
  const bytes = Buffer.from(Float32Array.from(asset.vector).buffer);
  const packed = asset.vector.length === 0 ? rounded : { ...rounded, vector: PREFIX + bytes.toString('base64') };
  sources.set(packed, asset);
  return packed;
}

const SCALE = 10 ** PALETTE_DECIMALS;

/** A palette number as the store keeps it (PALETTE_DECIMALS). */
export function roundPaletteNumber(value: number): number {
  return Number.isFinite(value) ? Math.round(value * SCALE) / SCALE : value;
}

/** The asset again; a vector still written as numbers (schema 6 and older) is taken as it is. */
export function unpackAsset(stored: PackedAsset): Asset {
  if (typeof stored.vector !== 'string') return stored as Asset;
  if (!stored.vector.startsWith(PREFIX)) throw new Error(`unknown vector encoding in asset ${stored.hash}`);
  const bytes = Buffer.from(stored.vector.slice(PREFIX.length), 'base64');
  const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return { ...stored, vector: Array.from(floats) };
}

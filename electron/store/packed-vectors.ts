import type { Asset } from '../../shared/model';

const PREFIX = 'f32:';

/**
 * An asset as a shard file holds it: the similarity vector as base64 of its float32 values
 * (~4× shorter than decimal text, and far quicker to read back). Search already compares
 * vectors in float32, so nothing it finds changes.
 */
export type PackedAsset = Asset | (Omit<Asset, 'vector'> & { vector: string });

export function packAsset(asset: Asset): PackedAsset {
  if (asset.vector.length === 0) return asset;
  const bytes = Buffer.from(Float32Array.from(asset.vector).buffer);
  return { ...asset, vector: PREFIX + bytes.toString('base64') };
}

/** The asset again; a vector still written as numbers (schema 6 and older) is taken as it is. */
export function unpackAsset(stored: PackedAsset): Asset {
  if (typeof stored.vector !== 'string') return stored as Asset;
  if (!stored.vector.startsWith(PREFIX)) throw new Error(`unknown vector encoding in asset ${stored.hash}`);
  const bytes = Buffer.from(stored.vector.slice(PREFIX.length), 'base64');
  const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return { ...stored, vector: Array.from(floats) };
}

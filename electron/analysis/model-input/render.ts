/**
 * Turns a plan into the bytes that leave the machine: crops of the original, downscaled,
 * re-encoded as JPEG with no metadata (sharp drops EXIF, XMP and ICC unless asked to keep
 * them), each under the model's byte limit.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { Asset } from '../../../shared/model/asset';
import { InvalidRequestError } from '../../../shared/errors';
import { decodeOptions, DEFAULT_PIXEL_LIMIT } from '../../imaging/decode';
import { MODEL_MAX_BYTES, partSize, type ModelInputPlan, type PlannedPart } from './plan';

export interface ModelImage {
  role: string;
  format: 'jpeg';
  bytes: Buffer;
  width: number;
  height: number;
}

export class ModelInputError extends InvalidRequestError {}

const QUALITIES = [85, 70, 55];

/** The original's bytes, from the first location that still holds exactly what was indexed. */
export async function readOriginal(asset: Pick<Asset, 'hash' | 'locations'>): Promise<Buffer> {
  for (const location of asset.locations) {
    const bytes = await fs.readFile(location.path).catch(() => null);
    if (bytes && createHash('sha256').update(bytes).digest('hex') === asset.hash) return bytes;
  }
  throw new ModelInputError('the original file is gone or changed since it was indexed; it will be re-ingested first');
}

/** An asset's images as planned, from its original (checked against its hash). */
export async function renderAssetInput(
  asset: Pick<Asset, 'hash' | 'locations' | 'metadata'>,
  plan: ModelInputPlan,
): Promise<ModelImage[]> {
  return renderModelInput(plan, await readOriginal(asset), asset.metadata.width, asset.metadata.height);
}

export async function renderModelInput(
  plan: ModelInputPlan,
  original: Buffer,
  imageWidth: number,
  imageHeight: number,
  pixelLimit = DEFAULT_PIXEL_LIMIT,
): Promise<ModelImage[]> {
  const images: ModelImage[] = [];
  // One after another: a crop of a large print holds much of the original in memory.
  for (const part of plan.parts) images.push(await renderPart(part, original, imageWidth, imageHeight, pixelLimit));
  return images;
}

async function renderPart(
  part: PlannedPart,
  original: Buffer,
  imageWidth: number,
  imageHeight: number,
  pixelLimit: number,
): Promise<ModelImage> {
  const size = partSize(part, imageWidth, imageHeight);
  for (const quality of QUALITIES) {
    let image = sharp(original, decodeOptions(pixelLimit)).autoOrient();
    if (part.box)
      image = image.extract({ left: part.box.x, top: part.box.y, width: part.box.width, height: part.box.height });
    const bytes = await image
      .resize(size.width, size.height, { fit: 'fill' })
      .toColourspace('srgb')
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, mozjpeg: false })
      .toBuffer();
    if (bytes.length <= MODEL_MAX_BYTES) return { role: part.role, format: 'jpeg', bytes, ...size };
  }
  throw new ModelInputError(
    `${part.role} stays over the model's ${MODEL_MAX_BYTES / 1e6} MB image limit even at low quality`,
  );
}

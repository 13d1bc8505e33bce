/**
 * A campaign's files beside the library (never inside library.json): the product mask as a
 * PNG, each variant's rendered PNG, and an edited variant's region. Written atomically.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { writeAtomic } from '../imaging/cache-files';

export function adsDir(dataDir: string): string {
  return path.join(dataDir, 'ads');
}

export function maskPath(dataDir: string, campaignId: string): string {
  return path.join(adsDir(dataDir), campaignId, 'mask.png');
}

export function variantPath(dataDir: string, campaignId: string, variantId: string): string {
  return path.join(adsDir(dataDir), campaignId, 'variants', `${variantId}.png`);
}

/** The region an edited variant changed of the one it was edited from (white: changed). */
export function editMaskPath(dataDir: string, campaignId: string, variantId: string): string {
  return path.join(adsDir(dataDir), campaignId, 'variants', `${variantId}-edit-mask.png`);
}

/** A variant's live loop beside its still: `<variant>.webp` or `<variant>.mp4`. */
export function livePath(dataDir: string, campaignId: string, variantId: string, format: 'webp' | 'mp4'): string {
  return path.join(adsDir(dataDir), campaignId, 'variants', `${variantId}.${format}`);
}

/** A Nova Reel video made for a variant. */
export function reelPath(dataDir: string, campaignId: string, variantId: string): string {
  return path.join(adsDir(dataDir), campaignId, 'variants', `${variantId}-reel.mp4`);
}

/** Every file a variant may have: its picture, live loops, Nova Reel video and edit region. */
export function variantFiles(dataDir: string, campaignId: string, variantId: string): string[] {
  return [
    variantPath(dataDir, campaignId, variantId),
    livePath(dataDir, campaignId, variantId, 'webp'),
    livePath(dataDir, campaignId, variantId, 'mp4'),
    reelPath(dataDir, campaignId, variantId),
    editMaskPath(dataDir, campaignId, variantId),
  ];
}

export interface StoredMask {
  mask: Buffer;
  width: number;
  height: number;
}

export async function saveMask(dataDir: string, campaignId: string, m: StoredMask): Promise<void> {
  await writeAtomic(
    maskPath(dataDir, campaignId),
    await sharp(m.mask, { raw: { width: m.width, height: m.height, channels: 1 } })
      .png()
      .toBuffer(),
  );
}

export async function loadMask(dataDir: string, campaignId: string): Promise<StoredMask> {
  const { data, info } = await sharp(await fs.readFile(maskPath(dataDir, campaignId)))
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { mask: data, width: info.width, height: info.height };
}

export async function removeCampaignFiles(dataDir: string, campaignId: string): Promise<void> {
  await fs.rm(path.join(adsDir(dataDir), campaignId), { recursive: true, force: true });
}

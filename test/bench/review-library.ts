/**
 * A review queue of any size in seconds, without ingesting real images: synthetic assets,
 * one model answer each (a second, escalated one for every fifth), and cached previews and
 * thumbnails hard-linked from a handful of encoded patterns, so the server serves real WebPs.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { cacheDirOf } from '../../electron/config/data-dir';
import { previewPath, thumbnailPath } from '../../electron/imaging/cache-files';
import { PREVIEW_EDGE } from '../../electron/imaging/decode';
import { openLibraryStore } from '../../electron/store';
import { answer, HAIKU, SONNET } from '../integration/review/review-fixture';
import { checksRaster, dotsRaster, encodeRaster, photoLikeRaster, stripesRaster } from '../support/images';
import { makeSyntheticAssets } from '../unit/store/synthetic-assets';

export interface ReviewLibrary {
  /** Queue order: oldest answer first, as the engine sorts it. */
  hashes: string[];
  names: string[];
}

const SIZE = { width: PREVIEW_EDGE, height: Math.round(PREVIEW_EDGE * 0.75) };
const PATTERNS = [
  () => stripesRaster({ ...SIZE, period: 24, orientation: 'horizontal', colours: ['#1b2a4a', '#ffffff'] }),
  () => stripesRaster({ ...SIZE, period: 40, orientation: 'diagonal', colours: ['#d21f1f', '#fffdd0'] }),
  () => checksRaster({ ...SIZE, period: 32, colours: ['#2e9e3e', '#ffffff'] }),
  () => checksRaster({ ...SIZE, period: 20, colours: ['#5a3d8a', '#e1ad01'] }),
  () => dotsRaster({ ...SIZE, spacing: 36, radius: 9, colours: ['#ff7f50', '#1b2a4a'], halfDrop: true }),
  () => dotsRaster({ ...SIZE, spacing: 24, radius: 5, colours: ['#ffffff', '#008080'] }),
  () => photoLikeRaster({ ...SIZE, seed: 3 }),
  () => photoLikeRaster({ ...SIZE, seed: 11 }),
];

/** Content-addressed like real assets: 64 hex characters, as the API requires. */
const benchHash = (i: number) => createHash('sha256').update(`review-bench-${i}`).digest('hex');

export async function buildReviewLibrary(dataDir: string, count: number): Promise<ReviewLibrary> {
  const cacheDir = cacheDirOf(dataDir);
  const sources = path.join(dataDir, 'bench-patterns');
  await fs.mkdir(sources, { recursive: true });
  const patternFiles: string[] = [];
  for (const [i, make] of PATTERNS.entries()) {
    const webp = await sharp(await encodeRaster(make(), 'png'))
      .webp({ quality: 80 })
      .toBuffer();
    const file = path.join(sources, `pattern-${i}.webp`);
    await fs.writeFile(file, webp);
    patternFiles.push(file);
  }

  const store = await openLibraryStore(dataDir);
  const hashes: string[] = [];
  const names: string[] = [];
  const linked = new Set<string>();
  for (const [i, synthetic] of makeSyntheticAssets(count, 42).entries()) {
    const hash = benchHash(i);
    const asset = {
      ...synthetic,
      hash,
      status: 'unreviewed' as const,
      metadata: { ...synthetic.metadata, width: SIZE.width * 4, height: SIZE.height * 4 },
    };
    store.recordAsset(asset.locations[0], asset);
    const at = 1_700_000_000_000 + i * 1000;
    const haiku = answer(hash, HAIKU, { description: `Design ${i}: a bench pattern.` }, at);
    store.analysis.recordModelAnalysis({ ...haiku, confidence: 0.5 + (i % 50) / 100 });
    if (i % 5 === 0)
      store.analysis.recordModelAnalysis({
        ...answer(hash, SONNET, { style: 'art deco', technique: 'screen print' }, at),
        escalatedFrom: HAIKU,
        costUsd: 0.004,
      });
    hashes.push(hash);
    names.push(path.basename(asset.locations[0].path));
    for (const target of [previewPath(cacheDir, hash), thumbnailPath(cacheDir, hash)]) {
      const dir = path.dirname(target);
      if (!linked.has(dir)) {
        await fs.mkdir(dir, { recursive: true });
        linked.add(dir);
      }
      await fs.link(patternFiles[i % patternFiles.length], target);
    }
  }
  await store.close();
  return { hashes, names };
}

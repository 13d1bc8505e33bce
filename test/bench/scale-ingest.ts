/**
 * Ingest into the library at scale while timing the event loop: `count` distinct generated
 * photos in a folder of their own, added and ingested through the engine as a user's folder would
 * be; the folder is removed from the library again afterwards, so the cached library keeps its size.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Engine } from '../../electron/engine';
import { encodeRaster, photoLikeRaster } from '../support/images';

export interface IngestAtScale {
  images: number;
  seconds: number;
  maxStallMs: number;
}

/**
 * The photos, made once and cached under `root`. Made by the build step, not by the process that
 * measures: making them leaves hundreds of megabytes of pixel garbage in the heap, and collecting
 * it during the ingest timed the bench's own work, not the app's.
 */
export async function ensureScalePhotos(root: string, count: number): Promise<string> {
  const folder = path.join(root, `scale-photos-${count}`);
  const done = `${folder}.built`;
  if (existsSync(done)) return folder;
  await fs.rm(folder, { recursive: true, force: true });
  await fs.mkdir(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const photo = await encodeRaster(photoLikeRaster({ width: 640, height: 480, seed: 1_000 + i }), 'jpeg');
    await fs.writeFile(path.join(folder, `photo-${i}.jpg`), photo);
  }
  await fs.writeFile(done, '');
  return folder;
}

export async function ingestAtScale(engine: Engine, folder: string): Promise<IngestAtScale> {
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const started = performance.now();
  await engine.library.addFolder(folder);
  await engine.library.idle();
  const seconds = (performance.now() - started) / 1000;
  stalls.disable();
  const images = engine.store.search({ folders: [folder], limit: 1 }).total;
  await engine.library.removeFolder(folder);
  return { images, seconds, maxStallMs: stalls.max / 1e6 };
}

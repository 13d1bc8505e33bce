/**
 * Ingest into the library at scale while timing the event loop: `count` distinct generated
 * photos in a new library folder, scanned and ingested through the engine as a user's folder
 * would be; the folder is removed again afterwards, so the cached library keeps its size.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Engine } from '../../electron/engine';
import { encodeRaster, photoLikeRaster } from '../support/images';

export interface IngestAtScale {
  images: number;
  seconds: number;
  maxStallMs: number;
}

export async function ingestAtScale(engine: Engine, count: number): Promise<IngestAtScale> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'swatchbook-scale-ingest-'));
  try {
    for (let i = 0; i < count; i++) {
      const photo = await encodeRaster(photoLikeRaster({ width: 640, height: 480, seed: 1_000 + i }), 'jpeg');
      await fs.writeFile(path.join(folder, `photo-${i}.jpg`), photo);
    }
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
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

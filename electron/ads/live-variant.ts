/**
 * A rendered variant also as a live loop: the ad's own layers moved gently (see live/), written beside
 * the still as `<variant>.webp` and `<variant>.mp4`, with what the variant records of it.
 */
import type { AdVariant, LiveRender } from '../../shared/model/ads';
import { writeAtomic } from '../imaging/cache-files';
import { livePath } from './campaign-files';
import type { AdLayers } from './compose';
import { renderLoop } from './live';

export async function renderLiveVariant(dataDir: string, variant: AdVariant, layers: AdLayers): Promise<LiveRender> {
  const loop = await renderLoop(layers, { formatId: variant.format, seed: variant.seed });
  await writeAtomic(livePath(dataDir, variant.campaignId, variant.id, 'webp'), loop.webp);
  if (loop.mp4) await writeAtomic(livePath(dataDir, variant.campaignId, variant.id, 'mp4'), loop.mp4);
  return {
    frames: loop.frames,
    fps: loop.fps,
    durationMs: loop.durationMs,
    motion: loop.motion,
    webp: true,
    mp4: loop.mp4 !== null,
    mp4Problem: loop.mp4Problem,
    overBudget: loop.overBudget,
    webpBytes: loop.webp.length,
    mp4Bytes: loop.mp4?.length ?? null,
  };
}

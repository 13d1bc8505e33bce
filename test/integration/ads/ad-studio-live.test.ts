/**
 * Live variants through the API as scripts use it: generateAds with live: true renders each variant also
 * as a loop (animated WebP at the channel's exact size, MP4 when ffmpeg is installed), the product stays
 * put in every frame, and exportAds writes the loops beside the approved stills, listed in the manifest.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiHost } from '../../../electron/api/api-host';
import type { AdVariant } from '../../../shared/model/ads';
import { COPY, openAdsFixture, type AdsFixture } from './ads-fixture';

const hasFfmpeg = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let fixture: AdsFixture | null = null;
let host: ApiHost | null = null;
afterEach(async () => {
  host?.events.close();
  await fixture?.close();
  fixture = null;
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const reply = await host!.call(method, input);
  if (!reply.ok) throw new Error(`${method}: ${reply.error}`);
  return reply.value as T;
}

describe('live variants', () => {
  it('renders each variant also as a loop, keeps the product still in every frame, and exports the loops', async () => {
    fixture = await openAdsFixture();
    host = new ApiHost(fixture.engine);
    const campaign = await call<{ id: string }>('createCampaign', {
      name: 'Bottle live',
      productHash: fixture.productHash,
      productName: 'Steel bottle',
      notes: '',
      copy: COPY,
      formats: ['square', 'leaderboard'],
      themes: ['studio'],
    });
    await call('generateAds', { id: campaign.id, request: { generator: 'local', count: 1, seed: 4, live: true } });
    await fixture.engine.ads.queue.settled();
    const { variants } = await call<{ variants: AdVariant[] }>('getCampaign', { id: campaign.id });
    expect(variants).toHaveLength(2);

    for (const variant of variants) {
      expect(variant.state, variant.attention.join('; ')).toBe('ready');
      expect(variant.live).toMatchObject({ webp: true, mp4: hasFfmpeg, overBudget: [] });
      expect(variant.live!.motion.length).toBeGreaterThan(0);
      const { dataUrl } = await call<{ dataUrl: string }>('variantLive', { id: variant.id, format: 'webp' });
      const webp = Buffer.from(dataUrl.split(',')[1], 'base64');
      const meta = await sharp(webp, { animated: true }).metadata();
      expect(meta.pages, variant.format).toBeGreaterThanOrEqual(2);
      expect([meta.width, meta.pageHeight]).toEqual([variant.width, variant.height]);
      await expectProductStill(webp, variant);
    }

    for (const variant of variants)
      await call('reviewAdVariant', { id: variant.id, decision: 'approved', reviewer: 'mia' });
    const out = await call<{ folder: string; files: string[]; manifest: string }>('exportAds', { id: campaign.id });
    const names = out.files.map((f) => path.relative(out.folder, f)).sort();
    expect(names).toEqual(
      [
        'leaderboard/bottle-live-leaderboard-studio-1.png',
        'leaderboard/bottle-live-leaderboard-studio-1.webp',
        ...(hasFfmpeg ? ['leaderboard/bottle-live-leaderboard-studio-1.mp4'] : []),
        'square/bottle-live-square-studio-1.png',
        'square/bottle-live-square-studio-1.webp',
        ...(hasFfmpeg ? ['square/bottle-live-square-studio-1.mp4'] : []),
      ].sort(),
    );
    const manifest = JSON.parse(await fs.readFile(out.manifest, 'utf8'));
    const square = manifest.variants.find((v: { format: string }) => v.format === 'square');
    expect(square.live).toMatchObject({ webp: 'square/bottle-live-square-studio-1.webp' });
    if (hasFfmpeg) {
      const mp4 = await fs.readFile(path.join(out.folder, square.live.mp4));
      expect(mp4.subarray(4, 8).toString('latin1')).toBe('ftyp');
    }
  });
});

/**
 * The product does not move or change between frames: inside its box (away from the feathered edge) every
 * frame of the decoded WebP matches the still within lossy-encoding noise.
 */
async function expectProductStill(webp: Buffer, variant: AdVariant): Promise<void> {
  const box = variant.productBox!;
  const inset = Math.max(2, Math.round(Math.min(box.width, box.height) * 0.25));
  const core = {
    left: box.x + inset,
    top: box.y + inset,
    width: box.width - 2 * inset,
    height: box.height - 2 * inset,
  };
  const still = await sharp(fixture!.engine.ads.variantFile(variant.id)).removeAlpha().extract(core).raw().toBuffer();
  const meta = await sharp(webp, { animated: true }).metadata();
  for (let page = 0; page < meta.pages!; page++) {
    const frame = await sharp(webp, { page }).removeAlpha().extract(core).raw().toBuffer();
    let diff = 0;
    for (let i = 0; i < frame.length; i++) diff += Math.abs(frame[i] - still[i]);
    expect(diff / frame.length, `${variant.format} frame ${page}`).toBeLessThan(6);
  }
}

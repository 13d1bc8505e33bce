/** Live loops end to end: real sharp for the WebP, the system's ffmpeg (when there is one) for the MP4. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { LIVE_BUDGETS } from '../../../electron/ads/live/budgets';
import { renderLoop, type LoopLayers } from '../../../electron/ads/live/loop';
import { findFfmpeg } from '../../../electron/ads/live/mp4';
import { localBackground } from '../../../electron/ads/local-background';
import { AD_FORMATS, type AdFormatId } from '../../../shared/model/ads';
import { tempDirs } from '../../support/temp-dirs';

const ffmpeg = await findFfmpeg().catch(() => null);
const ffprobe = [ffmpeg ? path.join(path.dirname(ffmpeg), 'ffprobe') : '', '/usr/bin/ffprobe'].find(
  (p) => p && existsSync(p),
);
const noFfmpeg = !ffmpeg || !ffprobe;
const skipped = noFfmpeg
  ? ' [skipped: no ffmpeg and ffprobe here; apt-get install ffmpeg or set SWATCHBOOK_FFMPEG]'
  : '';

const dirs = tempDirs();
afterEach(() => vi.unstubAllEnvs());
afterAll(() => dirs.cleanup());

/** Layers as the compositor hands them over: a studio sweep (or noise), a coral bottle, a scrimmed word. */
async function adLayers(formatId: AdFormatId, backdrop: 'studio' | 'noise' = 'studio'): Promise<LoopLayers> {
  const { width, height } = AD_FORMATS.find((f) => f.id === formatId)!;
  const concept = {
    id: 'c',
    theme: 'studio' as const,
    prompt: 'p',
    negativePrompt: '',
    palette: ['#1b2a4a', '#e1ad01'],
    patternHash: null,
  };
  const noise = { type: 'gaussian' as const, mean: 128, sigma: 70 };
  const background =
    backdrop === 'studio'
      ? (await localBackground(concept, width, height, 7, null)).rgb
      : await sharp({ create: { width, height, channels: 3, background: '#808080', noise } })
          .raw()
          .toBuffer();
  const s = Math.min(width, height);
  const rgba = (body: string) =>
    sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`))
      .ensureAlpha()
      .raw()
      .toBuffer();
  const product = await rgba(
    `<rect x="${width * 0.1}" y="${height * 0.15}" width="${s * 0.4}" height="${height * 0.7}" fill="#ff7f50"/>`,
  );
  const text = await rgba(
    `<rect x="${width * 0.55}" y="${height * 0.2}" width="${width * 0.4}" height="${height * 0.6}" fill="#000" ` +
      `fill-opacity="0.6"/><text x="${width * 0.57}" y="${height * 0.6}" font-size="${s * 0.3}" fill="#fff" ` +
      `font-family="sans-serif">Shop</text>`,
  );
  return { width, height, background, product, text };
}

async function probe(mp4: Buffer) {
  const file = path.join(await dirs.make('live-loop-'), 'loop.mp4');
  await fs.writeFile(file, mp4);
  const { stdout } = await promisify(execFile)(ffprobe!, [
    ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height,pix_fmt'],
    ...['-of', 'json', file],
  ]);
  return JSON.parse(stdout).streams[0] as { codec_name: string; width: number; height: number; pix_fmt: string };
}

/** The top-level MP4 boxes in order (faststart puts moov before mdat). */
function boxes(mp4: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; at + 8 <= mp4.length;) {
    const size = mp4.readUInt32BE(at);
    names.push(mp4.toString('latin1', at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return names;
}

async function expectAnimatedWebp(webp: Buffer, width: number, height: number, durationMs: number) {
  const meta = await sharp(webp, { animated: true }).metadata();
  expect(meta.format).toBe('webp');
  expect(meta.pages).toBeGreaterThanOrEqual(2);
  expect(meta.width).toBe(width);
  expect(meta.pageHeight).toBe(height);
  expect(meta.loop).toBe(0);
  expect(meta.delay!.reduce((a, b) => a + b, 0)).toBe(durationMs);
}

describe('a live loop', () => {
  it.each([
    ['square', 2],
    ['leaderboard', 4],
  ] as const)('%s (%i s): an endless animated WebP of the exact size, within budget', async (formatId, seconds) => {
    const layers = await adLayers(formatId);
    const loop = await renderLoop(layers, { formatId, seconds, seed: 7, mp4: false });
    await expectAnimatedWebp(loop.webp, layers.width, layers.height, seconds * 1000);
    expect(loop).toMatchObject({ durationMs: seconds * 1000, mp4: null, mp4Problem: null, overBudget: [] });
    expect(loop.frames).toBe(loop.fps * seconds);
    expect(loop.fps).toBeGreaterThanOrEqual(6);
    expect(loop.webp.length).toBeLessThanOrEqual(LIVE_BUDGETS[formatId].webp);
    expect(loop.motion.join(' ')).toMatch(/zoom.*light sweep.*text fade-in/);
  });

  it.skipIf(noFfmpeg).each([
    ['square', 2],
    ['leaderboard', 4],
  ] as const)(`%s (%i s): an H.264 MP4 of the exact size, yuv420p, faststart${skipped}`, async (formatId, seconds) => {
    const layers = await adLayers(formatId);
    const loop = await renderLoop(layers, { formatId, seconds, seed: 7 });
    expect(loop.mp4Problem).toBeNull();
    const mp4 = loop.mp4!;
    expect(mp4.toString('latin1', 4, 8)).toBe('ftyp');
    const order = boxes(mp4);
    expect(order.indexOf('moov')).toBeLessThan(order.indexOf('mdat'));
    expect(await probe(mp4)).toEqual({
      codec_name: 'h264',
      width: layers.width,
      height: layers.height,
      pix_fmt: 'yuv420p',
    });
    expect(mp4.length).toBeLessThanOrEqual(LIVE_BUDGETS[formatId].mp4);
    expect(loop).toMatchObject({ mp4Fps: 24, overBudget: [] });
  });

  it('has no MP4, and says why, when SWATCHBOOK_FFMPEG points nowhere', async () => {
    vi.stubEnv('SWATCHBOOK_FFMPEG', '/nonexistent');
    const loop = await renderLoop(await adLayers('leaderboard'), { formatId: 'leaderboard', seed: 1 });
    expect(loop.mp4).toBeNull();
    expect(loop.mp4Problem).toMatch(/^MP4 needs ffmpeg: SWATCHBOOK_FFMPEG is \/nonexistent.*apt-get install ffmpeg/);
    expect(loop.webp.length).toBeGreaterThan(0);
  });

  it.skipIf(process.platform === 'win32')("has no MP4, and passes on ffmpeg's words, when ffmpeg fails", async () => {
    const fake = path.join(await dirs.make('live-loop-'), 'ffmpeg');
    await fs.writeFile(fake, '#!/bin/sh\necho "Unknown encoder \'libx264\'" >&2\nexit 1\n', { mode: 0o755 });
    vi.stubEnv('SWATCHBOOK_FFMPEG', fake);
    const loop = await renderLoop(await adLayers('leaderboard'), { formatId: 'leaderboard', seed: 1 });
    expect(loop.mp4).toBeNull();
    expect(loop.mp4Problem).toBe("MP4 encoding failed: ffmpeg exited with 1: Unknown encoder 'libx264'");
  });

  it('lowers quality, then frame rate, and says so when a banner still cannot fit its budget', async () => {
    // Moving noise does not compress: no setting brings it under the 150 KB a display banner gets.
    const loop = await renderLoop(await adLayers('medium-rectangle', 'noise'), {
      formatId: 'medium-rectangle',
      seed: 3,
      mp4: false,
    });
    expect(loop.webpQuality).toBe(35);
    expect(loop.fps).toBe(6);
    expect(loop.webp.length).toBeGreaterThan(LIVE_BUDGETS['medium-rectangle'].webp);
    expect(loop.overBudget).toEqual([
      expect.stringMatching(/^medium-rectangle WebP is \d+ KB, over its 150 KB budget/),
    ]);
    await expectAnimatedWebp(loop.webp, 300, 250, 4000);
  });
});

/**
 * Live images: a short loop made locally from an ad's layers (background, product, text), with
 * gentle motion on the background and text while the product stays exactly as composed. It comes
 * out as an animated WebP and, when ffmpeg is there, an H.264 MP4, each brought under its
 * format's size budget by lowering quality, then frame rate.
 */
import type { AdFormatId } from '../../../shared/model/ads';
import { fitBudget, LIVE_BUDGETS, sizeInWords } from './budgets';
import { drawFrame } from './frame';
import { motionPlan, motionWords, type MotionPlan } from './motion';
import { encodeMp4, findFfmpeg, Mp4Problem } from './mp4';
import { encodeWebp } from './webp';

export interface LoopLayers {
  width: number;
  height: number;
  /** raw RGB, width*height*3: the background only */
  background: Buffer;
  /** raw RGBA, width*height*4: product and logo, transparent elsewhere; alpha 255 inside the product mask */
  product: Buffer;
  /** raw RGBA, width*height*4: scrims/panels, text, button, fine print; transparent elsewhere */
  text: Buffer;
}

export interface LoopOptions {
  formatId: AdFormatId;
  /** 2..6, default 4 */
  seconds?: number;
  seed: number;
  /** default true */
  mp4?: boolean;
}

export interface LiveLoop {
  /** Animated WebP, loops forever, exactly width × height. */
  webp: Buffer;
  /** H.264 MP4 (yuv420p, faststart), or null when there is no ffmpeg or it was not asked for. */
  mp4: Buffer | null;
  /** Why there is no MP4, in plain words (null when there is one or it was not asked for). */
  mp4Problem: string | null;
  /** Frames drawn for the WebP (its encoder merges frames that do not differ, so it may store fewer). */
  frames: number;
  /** The WebP's frame rate. */
  fps: number;
  durationMs: number;
  webpQuality: number;
  mp4Fps: number | null;
  mp4Crf: number | null;
  /** What moves, for the export manifest. */
  motion: string[];
  /** Encodings that could not be brought under their size budget, in plain words. */
  overBudget: string[];
}

const DEFAULT_SECONDS = 4;
const MIN_SECONDS = 2;
const MAX_SECONDS = 6;

/**
 * sharp encodes the WebP from all its frames at once, so they are all in memory together: 10 fps,
 * fewer on big canvases to keep them under about 200 MiB (8 fps for a 4 s story), never under 6
 * (lower only to meet a size budget).
 */
const WEBP_FPS = 10;
const WEBP_MIN_FPS = 6;
const WEBP_FRAMES_MAX_BYTES = 200 * 2 ** 20;
const MP4_FPS = 24;

export async function renderLoop(layers: LoopLayers, options: LoopOptions): Promise<LiveLoop> {
  checkLayers(layers);
  const seconds = loopSeconds(options.seconds);
  const plan = motionPlan(options.seed, seconds);
  const budget = LIVE_BUDGETS[options.formatId];
  const overBudget: string[] = [];

  const webp = await fitBudget(webpLadder(layers, seconds), budget.webp, webpEncoder(layers, plan));
  const { quality, fps } = webp.settings;
  if (webp.over)
    overBudget.push(
      `${options.formatId} WebP is ${sizeInWords(webp.bytes.length)}, over its ${sizeInWords(budget.webp)} budget ` +
        `even at quality ${quality} and ${fps} fps`,
    );

  const mp4 = options.mp4 === false ? null : await loopMp4(layers, plan, budget.mp4);
  const encoded = mp4 && 'bytes' in mp4 ? mp4 : null;
  if (encoded?.over)
    overBudget.push(
      `${options.formatId} MP4 is ${sizeInWords(encoded.bytes.length)}, over its ${sizeInWords(budget.mp4)} budget ` +
        `even at CRF ${encoded.settings.crf} and ${encoded.settings.fps} fps`,
    );

  return {
    webp: webp.bytes,
    mp4: encoded?.bytes ?? null,
    mp4Problem: mp4 && 'problem' in mp4 ? mp4.problem : null,
    frames: frameCount(seconds, fps),
    fps,
    durationMs: Math.round(seconds * 1000),
    webpQuality: quality,
    mp4Fps: encoded?.settings.fps ?? null,
    mp4Crf: encoded?.settings.crf ?? null,
    motion: motionWords(plan),
    overBudget,
  };
}

/** The frames themselves (raw RGB), for tests and the encoders; frame i of n, over a loop of `seconds`. */
export function frameAt(layers: LoopLayers, i: number, n: number, seed: number, seconds = DEFAULT_SECONDS): Buffer {
  checkLayers(layers);
  const out = Buffer.allocUnsafe(layers.width * layers.height * 3);
  drawFrame(layers, motionPlan(seed, loopSeconds(seconds)), i / n, out);
  return out;
}

interface WebpSettings {
  quality: number;
  fps: number;
}

/** Quality gives way first (gentle motion hides it well), then frame rate: five tries at most. */
function webpLadder(layers: LoopLayers, seconds: number): WebpSettings[] {
  const frameBytes = layers.width * layers.height * 3;
  const fps = Math.max(WEBP_MIN_FPS, Math.min(WEBP_FPS, Math.floor(WEBP_FRAMES_MAX_BYTES / frameBytes / seconds)));
  const fewer = Math.round(fps * 0.6);
  return [
    { quality: 80, fps },
    { quality: 65, fps },
    { quality: 50, fps },
    { quality: 50, fps: fewer },
    { quality: 35, fps: fewer },
  ];
}

/**
 * Encodes the WebP at given settings. All frames are drawn into one buffer, which sharp reads as
 * pages, so it is their only copy; it is kept while only the quality changes, redrawn for a new fps.
 */
function webpEncoder(layers: LoopLayers, plan: MotionPlan) {
  let drawn: { fps: number; frames: Buffer } | null = null;
  return async ({ quality, fps }: WebpSettings): Promise<Buffer> => {
    const n = frameCount(plan.seconds, fps);
    if (drawn?.fps !== fps) {
      drawn = null;
      const size = layers.width * layers.height * 3;
      const frames = Buffer.allocUnsafe(n * size);
      for (let i = 0; i < n; i++) drawFrame(layers, plan, i / n, frames.subarray(i * size, (i + 1) * size));
      drawn = { fps, frames };
    }
    return encodeWebp(drawn.frames, layers.width, layers.height, delays(n, Math.round(plan.seconds * 1000)), quality);
  };
}

/** As for the WebP: quality (CRF 23, x264's default, up to 32) before frame rate. */
const MP4_LADDER = [
  { crf: 23, fps: MP4_FPS },
  { crf: 28, fps: MP4_FPS },
  { crf: 32, fps: MP4_FPS },
  { crf: 32, fps: 15 },
];

async function loopMp4(layers: LoopLayers, plan: MotionPlan, budget: number) {
  try {
    const ffmpeg = await findFfmpeg();
    return await fitBudget(MP4_LADDER, budget, ({ crf, fps }) => {
      const frames = frameCount(plan.seconds, fps);
      const draw = (i: number, out: Buffer) => drawFrame(layers, plan, i / frames, out);
      return encodeMp4(ffmpeg, { width: layers.width, height: layers.height, fps, frames, draw }, crf);
    });
  } catch (error) {
    if (error instanceof Mp4Problem) return { problem: error.message };
    throw error;
  }
}

function frameCount(seconds: number, fps: number): number {
  return Math.max(2, Math.round(seconds * fps));
}

/** Whole-millisecond delays that add up to exactly the loop's length. */
function delays(n: number, totalMs: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.round(((i + 1) * totalMs) / n) - Math.round((i * totalMs) / n));
}

function loopSeconds(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds)) return DEFAULT_SECONDS;
  return Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, seconds));
}

function checkLayers({ width, height, background, product, text }: LoopLayers): void {
  const pixels = width * height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new RangeError(`A live loop needs a whole-pixel size, not ${width}×${height}`);
  if (background.length !== pixels * 3 || product.length !== pixels * 4 || text.length !== pixels * 4)
    throw new RangeError(`Live loop layers must be ${width}×${height}: RGB background, RGBA product and text`);
}

/**
 * The MP4: raw RGB frames streamed, one at a time, into an external ffmpeg (H.264, yuv420p,
 * faststart). ffmpeg is GPL, so the app never bundles it: it is found through SWATCHBOOK_FFMPEG or
 * on PATH, and when it is missing or fails, the loop has no MP4 and says why in plain words.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';

/** Why there is no MP4: caught by the loop and reported, never thrown to its caller. */
export class Mp4Problem extends Error {}

export interface Mp4Video {
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** Draws frame `i` into `out` (width × height × 3, RGB). */
  draw: (i: number, out: Buffer) => void;
}

const INSTALL = 'install it (Debian: apt-get install ffmpeg) or set SWATCHBOOK_FFMPEG to its path';
/** Far longer than a 6 s story takes (about 10 s on two cores): only a stuck ffmpeg reaches it. */
const FFMPEG_TIMEOUT_MS = 120_000;

/** The ffmpeg to run: SWATCHBOOK_FFMPEG when set, else the first `ffmpeg` on PATH. */
export async function findFfmpeg(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env.SWATCHBOOK_FFMPEG?.trim();
  if (configured) {
    if (await isProgram(configured)) return configured;
    throw new Mp4Problem(`MP4 needs ffmpeg: SWATCHBOOK_FFMPEG is ${configured}, which is not a program; ${INSTALL}`);
  }
  const name = process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg';
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (await isProgram(candidate)) return candidate;
  }
  throw new Mp4Problem(`MP4 needs ffmpeg: ${INSTALL}`);
}

export async function encodeMp4(ffmpeg: string, video: Mp4Video, crf: number): Promise<Buffer> {
  if (video.width % 2 || video.height % 2)
    throw new Mp4Problem(`MP4 (H.264, yuv420p) needs an even width and height, not ${video.width}×${video.height}`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'swatchbook-live-'));
  try {
    const file = path.join(dir, 'loop.mp4');
    await runFfmpeg(ffmpeg, ffmpegArgs(video, crf, file), video);
    return await fs.readFile(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function ffmpegArgs(video: Mp4Video, crf: number, file: string): string[] {
  return [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24'],
    ...['-s', `${video.width}x${video.height}`, '-r', String(video.fps), '-i', '-', '-an'],
    ...['-c:v', 'libx264', '-preset', 'medium', '-crf', String(crf)],
    // Converted and tagged as BT.709: untagged, players guess, and the product's colours shift.
    ...['-vf', 'scale=out_color_matrix=bt709:out_range=tv', '-pix_fmt', 'yuv420p'],
    ...['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'],
    ...['-movflags', '+faststart', '-y', file],
  ];
}

async function runFfmpeg(ffmpeg: string, args: string[], video: Mp4Video): Promise<void> {
  const child = spawn(ffmpeg, args, { stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true });
  let said = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (said = (said + chunk).slice(-4000)));
  // ffmpeg closing its input early surfaces as EPIPE here; its exit status then says why.
  child.stdin.on('error', () => undefined);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, FFMPEG_TIMEOUT_MS);
  const ended = new Promise<{ code: number | null; failure?: Error }>((resolve) => {
    child.once('error', (failure) => resolve({ code: null, failure }));
    child.once('close', (code) => resolve({ code }));
  });
  let done = false;
  void ended.then(() => (done = true));
  try {
    await writeFrames(child.stdin, video, ended, () => done);
    child.stdin.end();
    const { code, failure } = await ended;
    if (timedOut) throw new Mp4Problem(`MP4 encoding stopped: ffmpeg took over ${FFMPEG_TIMEOUT_MS / 1000} s`);
    if (failure)
      throw new Mp4Problem(`MP4 needs ffmpeg: ${ffmpeg} could not be started (${failure.message}); ${INSTALL}`);
    if (code !== 0) throw new Mp4Problem(`MP4 encoding failed: ffmpeg exited with ${code}${lastLine(said)}`);
  } finally {
    clearTimeout(timer);
    if (!done) child.kill('SIGKILL');
  }
}

/**
 * Frames drawn into two buffers in turn: one is being written while the next is drawn, and a
 * buffer is reused only once ffmpeg has taken it, so at most two frames are held at once.
 */
async function writeFrames(stdin: Writable, video: Mp4Video, ended: Promise<unknown>, isDone: () => boolean) {
  const size = video.width * video.height * 3;
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  const taken: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  for (let i = 0; i < video.frames; i++) {
    const slot = i % 2;
    await Promise.race([taken[slot], ended]);
    if (isDone()) return;
    video.draw(i, buffers[slot]);
    taken[slot] = new Promise((resolve) => stdin.write(buffers[slot], resolve));
  }
  await Promise.race([Promise.all(taken), ended]);
}

function lastLine(said: string): string {
  const line = said.trim().split('\n').pop()?.trim();
  return line ? `: ${line.slice(0, 200)}` : '';
}

async function isProgram(file: string): Promise<boolean> {
  try {
    await fs.access(file, constants.X_OK);
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

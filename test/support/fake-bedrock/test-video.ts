/**
 * The video a completed fake job writes: a real one-second 1280 × 720 H.264 MP4 of ffmpeg's test
 * pattern, encoded once per test process by Debian's ffmpeg; where ffmpeg is missing, a stub that is
 * only an MP4's header boxes (it starts with `ftyp` like any MP4, but does not play).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const FFMPEG = '/usr/bin/ffmpeg';
const run = promisify(execFile);

let made: Promise<Buffer> | undefined;

export function testVideo(): Promise<Buffer> {
  made ??= encodeTestPattern().catch((error: unknown) => {
    console.warn(`fake-bedrock: ${FFMPEG} could not make a test video, using a header-only MP4 stub (${error})`);
    return STUB_MP4_WITHOUT_FFMPEG;
  });
  return made;
}

async function encodeTestPattern(): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fake-reel-'));
  const file = path.join(dir, 'output.mp4');
  try {
    // A plain (not fragmented) MP4 needs a seekable output, hence a file rather than a pipe.
    const pattern = ['-f', 'lavfi', '-i', 'testsrc=size=1280x720:rate=24', '-t', '1'];
    const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-f', 'mp4'];
    await run(FFMPEG, ['-hide_banner', '-loglevel', 'error', ...pattern, ...h264, file], { timeout: 30_000 });
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const box = (type: string, ...payload: Buffer[]): Buffer => {
  const body = Buffer.concat(payload);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};

/** An empty movie header (version 0): timescale 1000, no duration, unit rate, volume and matrix; next track 1. */
function movieHeader(): Buffer {
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(0x00010000, 20);
  mvhd.writeUInt16BE(0x0100, 24);
  [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].forEach((v, i) => mvhd.writeUInt32BE(v, 36 + 4 * i));
  mvhd.writeUInt32BE(1, 96);
  return box('mvhd', mvhd);
}

/** Labelled as what it is, in a `free` box a player skips. */
export const STUB_MP4_WITHOUT_FFMPEG: Buffer = Buffer.concat([
  box('ftyp', Buffer.from('isom', 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41', 'latin1')),
  box('moov', movieHeader()),
  box('free', Buffer.from('fake-bedrock stub: no ffmpeg, header boxes only, no frames', 'latin1')),
]);

import fs from 'node:fs/promises';
import path from 'node:path';
import {
  checksRaster, dotsRaster, encodeRaster, geometricRaster, gradientRaster, organicRaster, photoLikeRaster, stripesRaster, textureRaster,
  type ImageFormat,
} from '../support/images';
import { seededRandom } from '../support/raster-draw';
import type { Raster } from '../../electron/imaging/raster';

const FORMATS: ImageFormat[] = ['jpeg', 'jpeg', 'png', 'webp'];
const COLOURS = ['#1b2a4a', '#ffffff', '#d21f1f', '#e1ad01', '#008080', '#f4a6c0', '#2e9e3e', '#36454f'];

type Maker = (width: number, height: number, rnd: () => number) => Raster;

/** The corpus mixes repeating patterns with photo-like and organic content, as a real library does. */
const MAKERS: Maker[] = [
  (width, height, rnd) => stripesRaster({ width, height, period: 8 + Math.floor(rnd() * 60), orientation: rnd() < 0.5 ? 'horizontal' : 'vertical', colours: pick2(rnd) }),
  (width, height, rnd) => checksRaster({ width, height, period: 16 + Math.floor(rnd() * 80), colours: pick2(rnd) }),
  (width, height, rnd) => dotsRaster({ width, height, spacing: 24 + Math.floor(rnd() * 60), radius: 6 + Math.floor(rnd() * 8), colours: pick2(rnd) }),
  (width, height, rnd) => gradientRaster({ width, height, colours: pick2(rnd) }),
  (width, height, rnd) => photoLikeRaster({ width, height, seed: Math.floor(rnd() * 1e6) }),
  (width, height, rnd) => photoLikeRaster({ width, height, seed: Math.floor(rnd() * 1e6) }),
  (width, height, rnd) => organicRaster({ width, height, seed: Math.floor(rnd() * 1e6) }),
  (width, height) => geometricRaster({ width, height, cell: 64 }),
  (width, height, rnd) => textureRaster({ width, height, seed: Math.floor(rnd() * 1e6) }),
];

function pick2(rnd: () => number): [string, string] {
  const a = Math.floor(rnd() * COLOURS.length);
  return [COLOURS[a], COLOURS[(a + 1 + Math.floor(rnd() * (COLOURS.length - 1))) % COLOURS.length]];
}

/**
 * Generates (once, then reuses) `count` images of 1–12 megapixels in a JPEG/PNG/WebP mix.
 * Deterministic, so runs on the same machine compare like with like.
 */
export async function ensureCorpus(baseDir: string, count: number, onProgress?: (done: number) => void): Promise<string[]> {
  const dir = path.join(baseDir, `corpus-${count}-v1`);
  const marker = path.join(dir, '.complete');
  if (await fs.stat(marker).catch(() => null)) return listImages(dir);
  await fs.mkdir(dir, { recursive: true });
  const rnd = seededRandom(20261123);
  for (let i = 0; i < count; i++) {
    const megapixels = 1 + rnd() * 11;
    const aspect = 0.6 + rnd() * 1.1;
    const width = Math.round(Math.sqrt(megapixels * 1e6 * aspect));
    const height = Math.round((megapixels * 1e6) / width);
    const format = FORMATS[i % FORMATS.length];
    const raster = MAKERS[i % MAKERS.length](width, height, rnd);
    const file = path.join(dir, `img-${String(i).padStart(5, '0')}.${format === 'jpeg' ? 'jpg' : format}`);
    await fs.writeFile(file, await encodeRaster(raster, format, 85));
    onProgress?.(i + 1);
  }
  await fs.writeFile(marker, '');
  return listImages(dir);
}

async function listImages(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((f) => !f.startsWith('.')).sort().map((f) => path.join(dir, f));
}

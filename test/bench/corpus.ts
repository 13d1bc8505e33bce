/**
 * The bench's generated corpus: `count` images of 1–12 megapixels in a JPEG/PNG/WebP mix, patterns and
 * photo-like content, deterministic so runs on one machine compare like with like.
 *
 * JavaScript paints at most a small source per image (a repeat tile, or a low-resolution scene); libvips
 * does the megapixels: tiling a repeat, or enlarging a scene and adding sensor grain, then encoding.
 * Several images are made at once (libvips encodes on all cores), each written under a temporary name and
 * renamed, so an interrupted run resumes with the files it has.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import {
  checksRaster,
  dotsRaster,
  geometricRaster,
  gradientRaster,
  organicRaster,
  photoLikeRaster,
  stripesRaster,
  textureRaster,
  type ImageFormat,
} from '../support/images';
import { seededRandom } from '../support/raster-draw';
import type { Raster } from '../../electron/pixels/raster';

const VERSION = 'v2';
const FORMATS: ImageFormat[] = ['jpeg', 'jpeg', 'png', 'webp'];
const COLOURS = ['#1b2a4a', '#ffffff', '#d21f1f', '#e1ad01', '#008080', '#f4a6c0', '#2e9e3e', '#36454f'];
/** Long edge of a scene painted in JavaScript before libvips enlarges it. */
const SCENE_EDGE = 900;

/** A repeat tile covers the image exactly; a scene is enlarged to it, with grain (sigma, 0 for none). */
type Source = { kind: 'tile'; raster: Raster } | { kind: 'scene'; raster: Raster; grain: number };
type Maker = (width: number, height: number, rnd: () => number) => Source;

/** A tile edge that is a whole number of periods, near 512 px, so tiling leaves no seam. */
const tileEdge = (period: number) => period * Math.max(1, Math.round(512 / period));

function scene(width: number, height: number, grain: number, paint: (w: number, h: number) => Raster): Source {
  const scale = Math.min(1, SCENE_EDGE / Math.max(width, height));
  return { kind: 'scene', raster: paint(Math.round(width * scale), Math.round(height * scale)), grain };
}

/** The corpus mixes repeating patterns with photo-like and organic content, as a real library does. */
const MAKERS: Maker[] = [
  (_w, _h, rnd) => {
    const period = 8 + 2 * Math.floor(rnd() * 30);
    const orientation = rnd() < 0.5 ? 'horizontal' : 'vertical';
    const edge = tileEdge(period);
    return {
      kind: 'tile',
      raster: stripesRaster({ width: edge, height: edge, period, orientation, colours: pick2(rnd) }),
    };
  },
  (_w, _h, rnd) => {
    const period = 16 + 2 * Math.floor(rnd() * 40);
    const edge = tileEdge(period);
    return { kind: 'tile', raster: checksRaster({ width: edge, height: edge, period, colours: pick2(rnd) }) };
  },
  (_w, _h, rnd) => {
    const spacing = 24 + Math.floor(rnd() * 60);
    const radius = 6 + Math.floor(rnd() * 8);
    const edge = tileEdge(spacing);
    return { kind: 'tile', raster: dotsRaster({ width: edge, height: edge, spacing, radius, colours: pick2(rnd) }) };
  },
  (w, h, rnd) => scene(w, h, 0, (width, height) => gradientRaster({ width, height, colours: pick2(rnd) })),
  (w, h, rnd) => scene(w, h, 10, (width, height) => photoLikeRaster({ width, height, seed: Math.floor(rnd() * 1e6) })),
  (w, h, rnd) => scene(w, h, 10, (width, height) => photoLikeRaster({ width, height, seed: Math.floor(rnd() * 1e6) })),
  (w, h, rnd) => scene(w, h, 4, (width, height) => organicRaster({ width, height, seed: Math.floor(rnd() * 1e6) })),
  // Three cells wide and six rows high is the tessellation's own repeat, rounded to whole pixels.
  () => ({
    kind: 'tile',
    raster: geometricRaster({ width: 64 * 3 * 3, height: Math.round(64 * 0.866 * 6) * 2, cell: 64 }),
  }),
  (w, h, rnd) => scene(w, h, 18, (width, height) => textureRaster({ width, height, seed: Math.floor(rnd() * 1e6) })),
];

function pick2(rnd: () => number): [string, string] {
  const a = Math.floor(rnd() * COLOURS.length);
  return [COLOURS[a], COLOURS[(a + 1 + Math.floor(rnd() * (COLOURS.length - 1))) % COLOURS.length]];
}

const raw = (r: Raster) => ({ raw: { width: r.width, height: r.height, channels: 3 as const } });
const pixels = (r: Raster) => Buffer.from(r.data.buffer, r.data.byteOffset, r.data.length);

/** Gaussian-ish grain, one table reused at a prime stride: photographic noise for the encoder at JavaScript speed. */
const GRAIN = (() => {
  const rnd = seededRandom(7);
  return Float32Array.from({ length: 65_521 }, () => (rnd() + rnd() + rnd() - 1.5) * 2);
})();

function addGrain(data: Buffer, sigma: number): Buffer {
  for (let i = 0, g = 0; i < data.length; i++, g = (g + 7) % GRAIN.length) {
    const value = data[i] + GRAIN[g] * sigma;
    data[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return data;
}

async function render(source: Source, width: number, height: number): Promise<Sharp> {
  if (source.kind === 'tile') {
    const canvas = sharp({ create: { width, height, channels: 3, background: '#ffffff' }, limitInputPixels: false });
    return canvas.composite([{ input: pixels(source.raster), ...raw(source.raster), tile: true, top: 0, left: 0 }]);
  }
  const enlarged = sharp(pixels(source.raster), { ...raw(source.raster), limitInputPixels: false }).resize(
    width,
    height,
    { fit: 'fill', kernel: 'cubic' },
  );
  if (source.grain === 0) return enlarged;
  const grained = addGrain(await enlarged.raw().toBuffer(), source.grain);
  return sharp(grained, { raw: { width, height, channels: 3 }, limitInputPixels: false });
}

function encode(image: Sharp, format: ImageFormat): Promise<Buffer> {
  if (format === 'jpeg') return image.jpeg({ quality: 85 }).toBuffer();
  // Low effort: the bench measures decoding, and the corpus must be ready in minutes.
  if (format === 'webp') return image.webp({ quality: 85, effort: 1 }).toBuffer();
  return image.png({ compressionLevel: 1 }).toBuffer();
}

interface Planned {
  file: string;
  make: () => Promise<Buffer>;
}

/** Every image's size, format and source drawn from one seeded sequence, whatever has been made already. */
function plan(dir: string, count: number): Planned[] {
  const rnd = seededRandom(20261123);
  return Array.from({ length: count }, (_, i) => {
    const megapixels = 1 + rnd() * 11;
    const aspect = 0.6 + rnd() * 1.1;
    const width = Math.round(Math.sqrt(megapixels * 1e6 * aspect));
    const height = Math.round((megapixels * 1e6) / width);
    const format = FORMATS[i % FORMATS.length];
    const maker = MAKERS[i % MAKERS.length];
    const seed = Math.floor(rnd() * 2 ** 31);
    const file = path.join(dir, `img-${String(i).padStart(5, '0')}.${format === 'jpeg' ? 'jpg' : format}`);
    return {
      file,
      make: async () => encode(await render(maker(width, height, seededRandom(seed)), width, height), format),
    };
  });
}

export interface CorpusProgress {
  done: number;
  total: number;
  perSecond: number;
  etaSeconds: number;
}

/** Generates (once, resuming where an earlier run stopped) and returns the corpus's files. */
export async function ensureCorpus(
  baseDir: string,
  count: number,
  onProgress?: (p: CorpusProgress) => void,
): Promise<string[]> {
  const dir = path.join(baseDir, `corpus-${count}-${VERSION}`);
  const marker = path.join(dir, '.complete');
  const planned = plan(dir, count);
  if (await exists(marker)) return planned.map((p) => p.file);
  await fs.mkdir(dir, { recursive: true });
  const missing: Planned[] = [];
  for (const p of planned) if (!(await exists(p.file))) missing.push(p);
  const started = Date.now();
  const existing = count - missing.length;
  let made = 0;
  const worker = async () => {
    for (let next = missing.shift(); next; next = missing.shift()) {
      const tmp = `${next.file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, await next.make());
      await fs.rename(tmp, next.file);
      made++;
      const perSecond = made / ((Date.now() - started) / 1000);
      const left = count - existing - made;
      onProgress?.({ done: existing + made, total: count, perSecond, etaSeconds: left / perSecond });
    }
  };
  // One more image in flight than cores: JavaScript paints the next source while libvips encodes.
  await Promise.all(Array.from({ length: os.availableParallelism() + 1 }, worker));
  await fs.writeFile(marker, '');
  return planned.map((p) => p.file);
}

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

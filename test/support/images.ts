/**
 * Generated test images with known answers, shared by the imaging, analysis, library,
 * CLI and benchmark tests. Each `xxxRaster` returns raw pixels; each `makeXxx` encodes
 * the same picture as PNG/JPEG/WebP bytes.
 */
import sharp from 'sharp';
import type { Raster } from '../../electron/pixels/raster';
import {
  blankRaster,
  blit,
  fillCircle,
  fillEllipse,
  hex,
  mix,
  paint,
  seededRandom,
  valueNoise,
  type Rgb,
} from './raster-draw';

export type ImageFormat = 'png' | 'jpeg' | 'webp';
export type Orientation = 'horizontal' | 'vertical' | 'diagonal';
interface Size {
  width: number;
  height: number;
}
interface Encoded {
  format?: ImageFormat;
  quality?: number;
}

export async function encodeRaster(r: Raster, format: ImageFormat = 'png', quality = 92): Promise<Buffer> {
  const img = sharp(Buffer.from(r.data.buffer, r.data.byteOffset, r.data.length), {
    raw: { width: r.width, height: r.height, channels: 3 },
    limitInputPixels: false,
  });
  if (format === 'jpeg') return img.jpeg({ quality }).toBuffer();
  if (format === 'webp') return img.webp({ quality }).toBuffer();
  return img.png({ compressionLevel: 1 }).toBuffer();
}

export interface SolidOptions extends Size, Encoded {
  colour: string;
}
export function solidRaster(o: SolidOptions): Raster {
  return blankRaster(o.width, o.height, hex(o.colour));
}
export const makeSolid = (o: SolidOptions) => encodeRaster(solidRaster(o), o.format, o.quality);

/** `period` is the repeat in pixels (one band of each colour), measured along x or y. */
export interface StripesOptions extends Size, Encoded {
  period: number;
  orientation: Orientation;
  colours: [string, string];
}
export function stripesRaster(o: StripesOptions): Raster {
  const [a, b] = o.colours.map(hex);
  if (o.orientation === 'vertical') {
    // Every row is the same: paint one and copy it (fast enough for 30 MP test images).
    const r = paint(blankRaster(o.width, 1), (x) => (x % o.period < o.period / 2 ? a : b));
    const out = blankRaster(o.width, o.height);
    for (let y = 0; y < o.height; y++) out.data.set(r.data, y * o.width * 3);
    return out;
  }
  const along = (x: number, y: number) =>
    o.orientation === 'horizontal' ? y : o.orientation === 'vertical' ? x : x + y;
  return paint(blankRaster(o.width, o.height), (x, y) => (along(x, y) % o.period < o.period / 2 ? a : b));
}
export const makeStripes = (o: StripesOptions) => encodeRaster(stripesRaster(o), o.format, o.quality);

/** `period` is the repeat (two squares) along both axes. */
export interface ChecksOptions extends Size, Encoded {
  period: number;
  colours: [string, string];
}
export function checksRaster(o: ChecksOptions): Raster {
  const [a, b] = o.colours.map(hex);
  const half = o.period / 2;
  return paint(blankRaster(o.width, o.height), (x, y) => ((Math.floor(x / half) + Math.floor(y / half)) % 2 ? b : a));
}
export const makeChecks = (o: ChecksOptions) => encodeRaster(checksRaster(o), o.format, o.quality);

/** Dots on a square lattice of `spacing`; `halfDrop` shifts every other row by half. */
export interface DotsOptions extends Size, Encoded {
  spacing: number;
  radius: number;
  colours: [string, string];
  halfDrop?: boolean;
}
export function dotsRaster(o: DotsOptions): Raster {
  const [dot, bg] = o.colours.map(hex);
  const r = blankRaster(o.width, o.height, bg);
  for (let row = -1; row * o.spacing < o.height + o.spacing; row++) {
    const shift = o.halfDrop && row % 2 ? o.spacing / 2 : 0;
    for (let col = -1; col * o.spacing < o.width + o.spacing; col++) {
      fillCircle(r, col * o.spacing + o.spacing / 2 + shift, row * o.spacing + o.spacing / 2, o.radius, dot);
    }
  }
  return r;
}
export const makeDots = (o: DotsOptions) => encodeRaster(dotsRaster(o), o.format, o.quality);

export interface GradientOptions extends Size, Encoded {
  colours: [string, string];
  direction?: 'horizontal' | 'vertical';
}
export function gradientRaster(o: GradientOptions): Raster {
  const [a, b] = o.colours.map(hex);
  const vertical = o.direction === 'vertical';
  return paint(blankRaster(o.width, o.height), (x, y) => mix(a, b, vertical ? y / (o.height - 1) : x / (o.width - 1)));
}
export const makeGradient = (o: GradientOptions) => encodeRaster(gradientRaster(o), o.format, o.quality);

/** Photo-like: smooth shaded noise (sky/ground), soft shaded shapes, a wide tonal range, sensor grain. */
export interface SeededOptions extends Size, Encoded {
  seed?: number;
}
export function photoLikeRaster(o: SeededOptions): Raster {
  const seed = o.seed ?? 1;
  const n = valueNoise(o.width, o.height, Math.max(o.width, o.height) / 4, 4, seed);
  const rnd = seededRandom(seed + 7);
  const sky: Rgb = [110 + rnd() * 60, 150 + rnd() * 50, 210];
  const ground: Rgb = [60 + rnd() * 50, 90 + rnd() * 40, 40];
  const horizon = o.height * (0.4 + rnd() * 0.2);
  const sun = { x: o.width * rnd(), y: horizon * 0.4, r: o.height * 0.12 };
  return paint(blankRaster(o.width, o.height), (x, y) => {
    const t = n[y * o.width + x];
    const base =
      y < horizon ? mix(sky, [240, 240, 250], t * 0.6 + (1 - y / horizon) * 0.2) : mix(ground, [20, 30, 15], t);
    const d = Math.hypot(x - sun.x, y - sun.y) / sun.r;
    const lit = d < 1 ? mix(base, [255, 230, 170], 1 - d * d) : base;
    const grain = ((x * 7919 + y * 104729) % 13) - 6;
    return lit.map((v) => Math.max(0, Math.min(255, v + grain))) as Rgb;
  });
}
export const makePhotoLike = (o: SeededOptions) => encodeRaster(photoLikeRaster(o), o.format, o.quality);

/** Floral-ish: many random overlapping flat-coloured ellipses (petals, blobs), non-periodic. */
export function organicRaster(o: SeededOptions): Raster {
  const rnd = seededRandom(o.seed ?? 3);
  const colours = ['#9caf88', '#d21f1f', '#f4a6c0', '#e1ad01', '#1f4d2b'].map(hex);
  const r = blankRaster(o.width, o.height, hex('#fffdd0'));
  const s = Math.min(o.width, o.height);
  for (let i = 0; i < 60; i++) {
    const cx = rnd() * o.width;
    const cy = rnd() * o.height;
    const petals = 3 + Math.floor(rnd() * 4);
    const size = s * (0.03 + rnd() * 0.07);
    const colour = colours[Math.floor(rnd() * colours.length)];
    for (let p = 0; p < petals; p++) {
      const a = (p / petals) * Math.PI * 2 + rnd();
      fillEllipse(r, cx + Math.cos(a) * size, cy + Math.sin(a) * size, size, size * 0.5, a, colour);
    }
    fillCircle(r, cx, cy, size * 0.4, colours[(colours.indexOf(colour) + 1) % colours.length]);
  }
  return r;
}
export const makeOrganic = (o: SeededOptions) => encodeRaster(organicRaster(o), o.format, o.quality);

/** Geometric: a periodic tessellation of triangles in three flat colours (edges at 0°, ±60°). */
export interface GeometricOptions extends Size, Encoded {
  cell: number;
}
export function geometricRaster(o: GeometricOptions): Raster {
  const colours = ['#008080', '#e1ad01', '#36454f'].map(hex);
  const h = o.cell * 0.866;
  return paint(blankRaster(o.width, o.height), (x, y) => {
    const row = Math.floor(y / h);
    const fy = (y - row * h) / h;
    const u = x / o.cell + (row % 2) * 0.5;
    const col = Math.floor(u);
    const fx = u - col;
    const up = Math.abs(fx - 0.5) * 2 < fy;
    return colours[(col + row + (up ? 0 : 1)) % 3];
  });
}
export const makeGeometric = (o: GeometricOptions) => encodeRaster(geometricRaster(o), o.format, o.quality);

/** Texture: paper/stone-like fine grain in a narrow beige band, no lattice. */
export function textureRaster(o: SeededOptions): Raster {
  const n = valueNoise(o.width, o.height, 6, 3, o.seed ?? 5);
  const rnd = seededRandom((o.seed ?? 5) + 1);
  const dark = hex('#a89878');
  const light = hex('#e8dcc4');
  return paint(blankRaster(o.width, o.height), (x, y) =>
    mix(dark, light, Math.min(1, Math.max(0, n[y * o.width + x] * 1.2 - 0.1 + (rnd() - 0.5) * 0.3))),
  );
}
export const makeTexture = (o: SeededOptions) => encodeRaster(textureRaster(o), o.format, o.quality);

export interface SheetDesign {
  box: { x: number; y: number; width: number; height: number };
  raster: Raster;
}
/** Three designs (stripes, dots, checks) on a white sheet; `boxes` are the known answers. */
export function sheetRaster(o: Size): { raster: Raster; designs: SheetDesign[] } {
  const sheet = blankRaster(o.width, o.height);
  const w = Math.round(o.width * 0.26);
  const h = Math.round(o.height * 0.5);
  const y = Math.round(o.height * 0.25);
  const designs: SheetDesign[] = [
    {
      box: { x: Math.round(o.width * 0.05), y, width: w, height: h },
      raster: stripesRaster({
        width: w,
        height: h,
        period: 24,
        orientation: 'vertical',
        colours: ['#1b2a4a', '#e1ad01'],
      }),
    },
    {
      box: { x: Math.round(o.width * 0.37), y, width: w, height: h },
      raster: dotsRaster({ width: w, height: h, spacing: 30, radius: 9, colours: ['#d21f1f', '#1f4d2b'] }),
    },
    {
      box: { x: Math.round(o.width * 0.69), y, width: w, height: h },
      raster: checksRaster({ width: w, height: h, period: 40, colours: ['#008080', '#36454f'] }),
    },
  ];
  for (const d of designs) blit(sheet, d.raster, d.box.x, d.box.y);
  return { raster: sheet, designs };
}
export async function makeSheet(o: Size & Encoded) {
  const { raster, designs } = sheetRaster(o);
  return { buffer: await encodeRaster(raster, o.format, o.quality), boxes: designs.map((d) => d.box) };
}

export { truncated, oversizePngHeader, notAnImage } from './bad-images';

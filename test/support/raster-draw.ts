/**
 * Pixel-level drawing for generated test images: each pattern is drawn into a raw RGB
 * raster with a known answer (colours, period, orientation), then encoded by images.ts.
 */
import type { Raster } from '../../electron/pixels/raster';

export type Rgb = [number, number, number];

export function hex(h: string): Rgb {
  const s = h.replace('#', '');
  return [parseInt(s.slice(0, 2), 16), parseInt(s.slice(2, 4), 16), parseInt(s.slice(4, 6), 16)];
}

export function blankRaster(width: number, height: number, fill: Rgb = [255, 255, 255]): Raster {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) data.set(fill, i);
  return { data, width, height, channels: 3 };
}

/** Fills every pixel from a colour function of (x, y). */
export function paint(r: Raster, colourAt: (x: number, y: number) => Rgb): Raster {
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) r.data.set(colourAt(x, y), (y * r.width + x) * 3);
  }
  return r;
}

export function setPixel(r: Raster, x: number, y: number, c: Rgb): void {
  if (x < 0 || y < 0 || x >= r.width || y >= r.height) return;
  r.data.set(c, (y * r.width + x) * 3);
}

export function fillCircle(r: Raster, cx: number, cy: number, radius: number, c: Rgb): void {
  const r2 = radius * radius;
  for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++) {
    for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r2) setPixel(r, x, y, c);
    }
  }
}

export function fillEllipse(r: Raster, cx: number, cy: number, rx: number, ry: number, angle: number, c: Rgb): void {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const m = Math.max(rx, ry);
  for (let y = Math.floor(cy - m); y <= Math.ceil(cy + m); y++) {
    for (let x = Math.floor(cx - m); x <= Math.ceil(cx + m); x++) {
      const u = ((x - cx) * cos + (y - cy) * sin) / rx;
      const v = (-(x - cx) * sin + (y - cy) * cos) / ry;
      if (u * u + v * v <= 1) setPixel(r, x, y, c);
    }
  }
}

export function fillRect(r: Raster, x0: number, y0: number, w: number, h: number, c: Rgb): void {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) setPixel(r, x, y, c);
}

/** Copies `src` into `dst` at (x, y). */
export function blit(dst: Raster, src: Raster, x0: number, y0: number): void {
  for (let y = 0; y < src.height; y++) {
    const from = y * src.width * 3;
    dst.data.set(src.data.subarray(from, from + src.width * 3), ((y0 + y) * dst.width + x0) * 3);
  }
}

/** mulberry32: a tiny seeded PRNG so generated images are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Smooth value noise (bilinear on a random lattice, several octaves), 0..1. */
export function valueNoise(width: number, height: number, cell: number, octaves: number, seed: number): Float32Array {
  const rnd = seededRandom(seed);
  const out = new Float32Array(width * height);
  let amp = 1;
  let total = 0;
  for (let o = 0; o < octaves; o++) {
    const c = Math.max(2, cell / 2 ** o);
    const gw = Math.ceil(width / c) + 2;
    const gh = Math.ceil(height / c) + 2;
    const grid = Float32Array.from({ length: gw * gh }, rnd);
    for (let y = 0; y < height; y++) {
      const gy = y / c;
      const y0 = Math.floor(gy);
      const fy = smooth(gy - y0);
      for (let x = 0; x < width; x++) {
        const gx = x / c;
        const x0 = Math.floor(gx);
        const fx = smooth(gx - x0);
        const top = grid[y0 * gw + x0] * (1 - fx) + grid[y0 * gw + x0 + 1] * fx;
        const bottom = grid[(y0 + 1) * gw + x0] * (1 - fx) + grid[(y0 + 1) * gw + x0 + 1] * fx;
        out[y * width + x] += amp * (top * (1 - fy) + bottom * fy);
      }
    }
    total += amp;
    amp /= 2;
  }
  for (let i = 0; i < out.length; i++) out[i] /= total;
  return out;
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t)) as Rgb;
}

/**
 * Backgrounds the built-in compositor makes without any model: studio sweeps and light
 * gradients from the campaign palette, or the library's own pattern tiled across the canvas.
 * The seed varies angle, light and tile offset, so variants of one concept differ.
 */
import sharp from 'sharp';
import type { Concept } from '../../shared/model/ads';
import { hexToRgb, type Rgb } from './contrast';
import { seededRandom } from '../pixels';

export interface PatternSource {
  /** Encoded image bytes of the pattern (its original file). */
  bytes: Buffer;
  /** One repeat in the pattern's pixels, when known: tiled exactly. */
  tile: { width: number; height: number } | null;
}

export async function localBackground(
  concept: Concept,
  width: number,
  height: number,
  seed: number,
  pattern: PatternSource | null,
): Promise<Buffer> {
  if (concept.theme === 'pattern' && pattern) return tiledPattern(pattern, width, height, seed);
  const palette = concept.palette.length ? concept.palette : ['#f2efe9', '#d9d4cc'];
  return gradient(
    width,
    height,
    seed,
    light(hexToRgb(palette[0]), 0.55),
    light(hexToRgb(palette[palette.length > 1 ? 1 : 0]), concept.theme === 'studio' ? 0.8 : 0.35),
  );
}

/** A colour moved towards white: backgrounds stay calm behind the product. */
function light([r, g, b]: Rgb, amount: number): Rgb {
  return [r + (255 - r) * amount, g + (255 - g) * amount, b + (255 - b) * amount].map(Math.round) as unknown as Rgb;
}

/** A linear blend at a seeded angle with a soft seeded highlight: a studio sweep. */
async function gradient(width: number, height: number, seed: number, from: Rgb, to: Rgb): Promise<Buffer> {
  const rnd = seededRandom(seed);
  const angle = rnd() * Math.PI;
  const [hx, hy] = [0.2 + rnd() * 0.6, 0.15 + rnd() * 0.4];
  const dx = Math.cos(angle),
    dy = Math.sin(angle);
  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = Math.min(1, Math.max(0, 0.5 + ((x / width - 0.5) * dx + (y / height - 0.5) * dy)));
      const glow = Math.max(0, 1 - Math.hypot(x / width - hx, y / height - hy) * 1.6) * 0.25;
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++)
        out[i + c] = Math.round(
          Math.min(255, from[c] + (to[c] - from[c]) * t + (255 - (from[c] + (to[c] - from[c]) * t)) * glow),
        );
    }
  }
  return out;
}

/**
 * The pattern's repeat tiled across the canvas, enlarged so one repeat is at least a sixth of
 * the ad's short side (a print reads at that scale), offset by the seed. Without a known
 * repeat the whole image covers the canvas instead.
 */
async function tiledPattern(pattern: PatternSource, width: number, height: number, seed: number): Promise<Buffer> {
  const image = () =>
    sharp(pattern.bytes, { limitInputPixels: 200_000_000 })
      .autoOrient()
      .flatten({ background: '#ffffff' })
      .removeAlpha();
  const meta = await image().metadata();
  if (!pattern.tile || !meta.width || !meta.height)
    return image().resize(width, height, { fit: 'cover' }).raw().toBuffer();
  const tileW = Math.min(pattern.tile.width, meta.width),
    tileH = Math.min(pattern.tile.height, meta.height);
  const scale = Math.max(1, Math.min(width, height) / 6 / Math.max(tileW, tileH));
  // Tiled at native size, then enlarged as a whole: enlarging each tile would show its seams.
  const tile = await image().extract({ left: 0, top: 0, width: tileW, height: tileH }).png().toBuffer();
  const rnd = seededRandom(seed);
  const offsetX = Math.floor(rnd() * tileW),
    offsetY = Math.floor(rnd() * tileH);
  const areaW = Math.ceil(width / scale),
    areaH = Math.ceil(height / scale);
  const canvasW = areaW + tileW,
    canvasH = areaH + tileH;
  const canvas = await sharp({ create: { width: canvasW, height: canvasH, channels: 3, background: '#ffffff' } })
    .composite([{ input: tile, tile: true, left: 0, top: 0 }])
    .removeAlpha()
    .raw()
    .toBuffer();
  return sharp(canvas, { raw: { width: canvasW, height: canvasH, channels: 3 } })
    .extract({ left: offsetX, top: offsetY, width: areaW, height: areaH })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer();
}

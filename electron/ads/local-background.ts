/**
 * Backgrounds the built-in compositor makes without any model, each what its theme says: a studio
 * sweep from the campaign palette (the floor shadow is laid by the layout), the season's palette,
 * light and motifs, one of the user's own library photos blurred behind the product (lifestyle), or
 * a library pattern tiled at a scale where its repeat reads. Each comes with the recipe actually used,
 * which the manifest records. The seed varies angle, light, motifs and tile offset.
 */
import sharp from 'sharp';
import type { Concept } from '../../shared/model/ads';
import { seededRandom } from '../pixels';
import { hexToRgb, type Rgb } from './contrast';
import { seasonalScene } from './seasonal-scene';

/** A library image a concept draws its background from (a pattern, a lifestyle photo). */
export interface LibraryImage {
  hash: string;
  /** The file name, for the recipe. */
  name: string;
  /** Encoded image bytes of its original. */
  bytes: Buffer;
  /** One repeat in the image's pixels, when it is a pattern with a known one: tiled exactly. */
  tile: { width: number; height: number } | null;
}

export interface LocalBackground {
  /** Raw RGB, width × height. */
  rgb: Buffer;
  /** What was drawn, in words. */
  recipe: string;
  /** Library images used, by hash. */
  assets: string[];
  /** A studio sweep: the layout stands the product on it with a floor shadow. */
  floorShadow: boolean;
}

export async function localBackground(
  concept: Concept,
  width: number,
  height: number,
  seed: number,
  image: LibraryImage | null,
): Promise<LocalBackground> {
  const palette = concept.palette.length ? concept.palette : ['#f2efe9', '#d9d4cc'];
  if (concept.theme === 'pattern' && image) {
    const { rgb, scale } = await tiledPattern(image, width, height, seed);
    return {
      rgb,
      recipe: `pattern: library pattern ${image.name} tiled, one repeat enlarged ×${scale}`,
      assets: [image.hash],
      floorShadow: false,
    };
  }
  if (concept.theme === 'lifestyle' && image) {
    const rgb = await blurredPhoto(image, width, height);
    const recipe = `lifestyle: library photo ${image.name}, blurred behind the product`;
    return { rgb, recipe, assets: [image.hash], floorShadow: false };
  }
  if (concept.theme === 'seasonal') {
    const scene = await seasonalScene(concept.season ?? 'winter', width, height, seed);
    return { ...scene, assets: [], floorShadow: false };
  }
  const from = light(hexToRgb(palette[0]), 0.55);
  const to = light(hexToRgb(palette[palette.length > 1 ? 1 : 0]), 0.8);
  const missing =
    concept.theme === 'pattern'
      ? ' (no library pattern was found, so a studio sweep was drawn)'
      : concept.theme === 'lifestyle'
        ? ' (no library photo suited the product, so a studio sweep was drawn)'
        : '';
  return {
    rgb: await gradient(width, height, seed, from, to),
    recipe: `studio: sweep from ${hex(from)} to ${hex(to)} with a floor shadow${missing}`,
    assets: [],
    floorShadow: true,
  };
}

function hex(c: Rgb): string {
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
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

/** A library photo covering the canvas, blurred and a little lightened so the product stays the subject. */
async function blurredPhoto(image: LibraryImage, width: number, height: number): Promise<Buffer> {
  return sharp(image.bytes, { limitInputPixels: 200_000_000 })
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .resize(width, height, { fit: 'cover' })
    .blur(Math.max(6, Math.min(width, height) / 40))
    .linear(0.85, 255 * 0.12)
    .removeAlpha()
    .raw()
    .toBuffer();
}

/**
 * The pattern's repeat tiled across the canvas, enlarged so one repeat is at least a sixth of
 * the ad's short side (a print reads at that scale), offset by the seed. Without a known
 * repeat the whole image covers the canvas instead.
 */
async function tiledPattern(
  pattern: LibraryImage,
  width: number,
  height: number,
  seed: number,
): Promise<{ rgb: Buffer; scale: number }> {
  const image = () =>
    sharp(pattern.bytes, { limitInputPixels: 200_000_000 })
      .autoOrient()
      .flatten({ background: '#ffffff' })
      .removeAlpha();
  const meta = await image().metadata();
  if (!pattern.tile || !meta.width || !meta.height)
    return { rgb: await image().resize(width, height, { fit: 'cover' }).raw().toBuffer(), scale: 1 };
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
  const rgb = await sharp(canvas, { raw: { width: canvasW, height: canvasH, channels: 3 } })
    .extract({ left: offsetX, top: offsetY, width: areaW, height: areaH })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer();
  return { rgb, scale: Math.round(scale * 10) / 10 };
}

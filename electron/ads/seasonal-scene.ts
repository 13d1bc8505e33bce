/**
 * The seasonal theme drawn locally: each season's own palette and light (cool high light in winter,
 * fresh morning light in spring, a warm low sun in summer, golden light in autumn) and its motifs
 * (snowflakes, blossom, sun flecks, leaves) scattered mostly towards the edges, where the product and
 * copy are not. Seeded, so variants of one concept differ and a variant can be rendered again.
 */
import sharp from 'sharp';
import type { Season } from '../../shared/model/ads';
import { seededRandom } from '../pixels';
import { hexToRgb, type Rgb } from './contrast';

interface SeasonLook {
  /** Top and bottom of the backdrop. */
  sky: string;
  floor: string;
  /** Where the light comes from (0–1 of the canvas) and its tint. */
  light: { x: number; y: number; colour: string; strength: number };
  motif: (rnd: () => number, x: number, y: number, size: number) => string;
  motifName: string;
}

const LOOKS: Record<Season, SeasonLook> = {
  winter: {
    sky: '#dfe8f1',
    floor: '#b9c9d8',
    light: { x: 0.5, y: -0.1, colour: '#ffffff', strength: 0.35 },
    motif: snowflake,
    motifName: 'snowflakes',
  },
  spring: {
    sky: '#f7e9ee',
    floor: '#d8e8cf',
    light: { x: 0.15, y: 0.1, colour: '#fff8e7', strength: 0.3 },
    motif: blossom,
    motifName: 'blossom',
  },
  summer: {
    sky: '#fff1c9',
    floor: '#f3c98b',
    light: { x: 0.85, y: 0.15, colour: '#fff3b0', strength: 0.45 },
    motif: sunFleck,
    motifName: 'sun flecks',
  },
  autumn: {
    sky: '#f3dfc0',
    floor: '#c98b52',
    light: { x: 0.2, y: 0.2, colour: '#ffd58a', strength: 0.35 },
    motif: leaf,
    motifName: 'falling leaves',
  },
};

export async function seasonalScene(
  season: Season,
  width: number,
  height: number,
  seed: number,
): Promise<{ rgb: Buffer; recipe: string }> {
  const look = LOOKS[season];
  const base = litGradient(width, height, hexToRgb(look.sky), hexToRgb(look.floor), look.light);
  const rnd = seededRandom(seed);
  const size = Math.min(width, height);
  const count = Math.round(10 + rnd() * 8);
  const shapes = Array.from({ length: count }, () => {
    const [x, y] = edgeward(rnd);
    return look.motif(rnd, x * width, y * height, size * (0.035 + rnd() * 0.05));
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}</svg>`;
  const rgb = await sharp(base, { raw: { width, height, channels: 3 } })
    .composite([{ input: Buffer.from(svg), left: 0, top: 0 }])
    .removeAlpha()
    .raw()
    .toBuffer();
  const recipe =
    `seasonal (${season}): ${look.sky}→${look.floor} backdrop, light from ` +
    `${look.light.x < 0.4 ? 'the left' : look.light.x > 0.6 ? 'the right' : 'above'}, ${count} ${look.motifName} drawn locally`;
  return { rgb, recipe };
}

/** A point biased towards the canvas edges: the middle belongs to the product and copy. */
function edgeward(rnd: () => number): [number, number] {
  const along = rnd();
  const inset = rnd() * 0.16;
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return [along, inset];
    case 1:
      return [along, 1 - inset];
    case 2:
      return [inset, along];
    default:
      return [1 - inset, along];
  }
}

function litGradient(width: number, height: number, top: Rgb, bottom: Rgb, light: SeasonLook['light']): Buffer {
  const tint = hexToRgb(light.colour);
  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const t = y / Math.max(1, height - 1);
    for (let x = 0; x < width; x++) {
      const glow = Math.max(0, 1 - Math.hypot(x / width - light.x, y / height - light.y) * 1.3) * light.strength;
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const base = top[c] + (bottom[c] - top[c]) * t;
        out[i + c] = Math.round(Math.min(255, base + (tint[c] - base) * glow));
      }
    }
  }
  return out;
}

function snowflake(rnd: () => number, x: number, y: number, size: number): string {
  const arms = [0, 60, 120]
    .map(
      (a) =>
        `<line x1="${-size}" y1="0" x2="${size}" y2="0" transform="rotate(${a + rnd() * 10})" stroke="#ffffff" ` +
        `stroke-width="${(size * 0.12).toFixed(1)}" stroke-linecap="round"/>`,
    )
    .join('');
  return `<g transform="translate(${x.toFixed(1)} ${y.toFixed(1)})" opacity="0.85">${arms}</g>`;
}

function blossom(rnd: () => number, x: number, y: number, size: number): string {
  const petals = [0, 72, 144, 216, 288]
    .map(
      (a) =>
        `<ellipse cx="0" cy="${(-size * 0.55).toFixed(1)}" rx="${(size * 0.32).toFixed(1)}" ` +
        `ry="${(size * 0.5).toFixed(1)}" transform="rotate(${a})" fill="#f4b8c8"/>`,
    )
    .join('');
  return (
    `<g transform="translate(${x.toFixed(1)} ${y.toFixed(1)}) rotate(${Math.round(rnd() * 72)})" opacity="0.9">` +
    `${petals}<circle r="${(size * 0.18).toFixed(1)}" fill="#f6d365"/></g>`
  );
}

function sunFleck(rnd: () => number, x: number, y: number, size: number): string {
  const r = size * (0.6 + rnd() * 0.8);
  const opacity = (0.35 + rnd() * 0.3).toFixed(2);
  return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="#fff6cf" opacity="${opacity}"/>`;
}

function leaf(rnd: () => number, x: number, y: number, size: number): string {
  const colour = ['#c0582b', '#d98a2b', '#8f3b1b', '#b8860b'][Math.floor(rnd() * 4)];
  return (
    `<g transform="translate(${x.toFixed(1)} ${y.toFixed(1)}) rotate(${Math.round(rnd() * 360)})" opacity="0.9">` +
    `<ellipse rx="${(size * 0.9).toFixed(1)}" ry="${(size * 0.42).toFixed(1)}" fill="${colour}"/>` +
    `<line x1="${(-size * 0.9).toFixed(1)}" y1="0" x2="${(size * 0.9).toFixed(1)}" y2="0" stroke="#5a2a10" stroke-width="1.5"/></g>`
  );
}

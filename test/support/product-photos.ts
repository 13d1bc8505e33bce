/**
 * Product photos as a marketer takes them, drawn with light and surface: a cup on a lit wooden
 * table (a busy, real surface), a white bag on a pale sweep (light on light), and a studio shot
 * on a plain backdrop with a handled mug (an enclosed hole that shows the backdrop). JPEG, like a camera.
 */
import sharp from 'sharp';
import { blankRaster, hex, mix, paint, seededRandom, valueNoise, type Rgb } from './raster-draw';
import { encodeRaster, makePhotoLike, makeStripes } from './images';
import type { Raster } from '../../electron/pixels/raster';

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
const shade = (c: Rgb, k: number): Rgb => [clamp(c[0] * k), clamp(c[1] * k), clamp(c[2] * k)];

/** A plaster wall above a wooden table top: warped rings, fibre noise, light from the top left falling off. */
function woodTable(width: number, height: number, seed: number): Raster {
  const horizon = Math.round(height * 0.34);
  const warp = valueNoise(width, height, 90, 3, seed);
  const fibre = valueNoise(width, height, 6, 2, seed + 1);
  const light: Rgb = hex('#b07a4a');
  const dark: Rgb = hex('#6b4424');
  return paint(blankRaster(width, height), (x, y) => {
    const i = y * width + x;
    const lit = 1.15 - 0.45 * Math.hypot(x / width - 0.2, y / height - 0.1);
    if (y < horizon) return shade(mix(hex('#9fa8ad'), hex('#c9cfd2'), fibre[i] * 0.3 + warp[i] * 0.4), lit);
    const rings = 0.5 + 0.5 * Math.sin((y + warp[i] * 60) / 7);
    const base = mix(dark, light, 0.2 + 0.6 * rings + 0.2 * fibre[i]);
    return shade(base, lit);
  });
}

interface CupShape {
  cx: number;
  top: number;
  bottom: number;
  halfWidth: number;
  colour: Rgb;
}

/** Inside the cup body, with a cylinder's shading (lit left, dark right); or null. */
function cupBody(c: CupShape, x: number, y: number): Rgb | null {
  if (y < c.top || y > c.bottom) return null;
  const half = c.halfWidth * (1 - 0.12 * ((y - c.top) / (c.bottom - c.top)));
  const u = (x - c.cx) / half;
  if (Math.abs(u) > 1) return null;
  return shade(c.colour, 1.05 - 0.35 * (u + 1) * 0.5 - 0.1 * u * u);
}

/** The handle: a ring to the right of the body; its hole shows what is behind the cup. */
function cupHandle(c: CupShape, x: number, y: number): Rgb | null {
  const hx = c.cx + c.halfWidth * 0.95;
  const hy = c.top + (c.bottom - c.top) * 0.42;
  const r = Math.hypot((x - hx) / 1.1, y - hy);
  const outer = (c.bottom - c.top) * 0.26;
  if (r > outer || r < outer * 0.55 || x < hx - 12) return null;
  return shade(c.colour, 0.78);
}

function drawCup(photo: Raster, cup: CupShape): Raster {
  const base = Buffer.from(photo.data);
  return paint(photo, (x, y) => {
    const i = (y * photo.width + x) * 3;
    const under: Rgb = [base[i], base[i + 1], base[i + 2]];
    const shadow = Math.hypot((x - cup.cx - 30) / (cup.halfWidth * 1.6), (y - cup.bottom) / 26);
    const ground = shadow < 1 ? shade(under, 0.55 + 0.45 * shadow) : under;
    return cupBody(cup, x, y) ?? cupHandle(cup, x, y) ?? ground;
  });
}

/** A cream cup on a lit wooden table: there is no plain backdrop to learn. */
export function cupOnTable(): Promise<Buffer> {
  const photo = drawCup(woodTable(900, 700, 11), {
    cx: 430,
    top: 220,
    bottom: 520,
    halfWidth: 120,
    colour: hex('#efe6d6'),
  });
  return encodeRaster(photo, 'jpeg', 90);
}

/** A teal mug on a plain light-grey studio backdrop: its handle's hole shows the backdrop. */
export function mugOnBackdrop(): Promise<Buffer> {
  const backdrop = paint(blankRaster(800, 800), (_x, y) => shade(hex('#e9e9e6'), 1.02 - 0.04 * (y / 800)));
  const photo = drawCup(backdrop, { cx: 360, top: 230, bottom: 560, halfWidth: 130, colour: hex('#1f7a7a') });
  return encodeRaster(photo, 'jpeg', 92);
}

/** A burgundy apple with its stem on a plain warm-white backdrop: a clean studio shot of a strongly coloured product. */
export function appleShot(): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" fill="#f2f0ec"/>` +
    `<circle cx="400" cy="430" r="190" fill="#7b1e2b"/><rect x="392" y="200" width="16" height="70" fill="#4a3020"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A white paper bag on a pale sweep, lit from the left: its lit side is almost the backdrop's colour. */
export function whiteBagOnPaleSweep(): Promise<Buffer> {
  const rnd = seededRandom(5);
  const photo = paint(blankRaster(800, 800), (x, y) => {
    const sweep = mix(hex('#f3f1ed'), hex('#e4e1db'), y / 800);
    const inBag = x > 260 && x < 540 && y > 260 && y < 640 && Math.abs(x - 400) < 140 - (640 - y) * 0.05;
    const grain = (rnd() - 0.5) * 3;
    if (!inBag) return shade(sweep, 1 + grain / 255);
    // The left face catches the light and matches the sweep; the right face is in shade.
    const lit = x < 400 ? hex('#f4f2ee') : hex('#bdb8af');
    return shade(lit, 1 + grain / 255);
  });
  return encodeRaster(photo, 'jpeg', 90);
}

/** What an ad library offers as backdrops: a wine-and-rose stripe print and a landscape photo. */
export function backdropFiles(): Record<string, Promise<Buffer>> {
  return {
    'wine-stripes.png': makeStripes({
      width: 480,
      height: 320,
      period: 40,
      orientation: 'vertical',
      colours: ['#6d1a36', '#e8b4bc'],
    }),
    'meadow.jpg': makePhotoLike({ width: 640, height: 420, seed: 3, format: 'jpeg' }),
  };
}

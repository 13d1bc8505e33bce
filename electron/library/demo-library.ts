import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { COLOUR_NAMES, type ColourName } from '../../shared/vocabulary/colour-names';
import { demoLibraryDirOf } from '../config/data-dir';

const SIZE = 480;

const hex = (name: ColourName): string => COLOUR_NAMES.find((c) => c.name === name)!.hex;

/** One repeating tile drawn as an SVG <pattern> over the whole image. */
function tiled(tile: number, background: ColourName, body: string, transform = ''): string {
  return (
    `<defs><pattern id="p" width="${tile}" height="${tile}" patternUnits="userSpaceOnUse" ${transform}>` +
    `<rect width="${tile}" height="${tile}" fill="${hex(background)}"/>${body}</pattern></defs>` +
    `<rect width="${SIZE}" height="${SIZE}" fill="url(#p)"/>`
  );
}

const stripes = (a: ColourName, b: ColourName, period: number, angle = 0) =>
  tiled(
    period,
    a,
    `<rect width="${period / 2}" height="${period}" fill="${hex(b)}"/>`,
    angle ? `patternTransform="rotate(${angle})"` : '',
  );

const checks = (a: ColourName, b: ColourName, period: number) => {
  const half = period / 2;
  return tiled(
    period,
    a,
    `<rect width="${half}" height="${half}" fill="${hex(b)}"/><rect x="${half}" ` +
      `y="${half}" width="${half}" height="${half}" fill="${hex(b)}"/>`,
  );
};

const dots = (dot: ColourName, background: ColourName, spacing: number, radius: number, halfDrop = false) => {
  const c = spacing / 2;
  const extra = halfDrop
    ? `<circle cx="0" cy="0" r="${radius}"/><circle cx="${spacing}" cy="0" r="${radius}"/>` +
      `<circle cx="0" cy="${spacing}" r="${radius}"/><circle cx="${spacing}" cy="${spacing}" r="${radius}"/>`
    : '';
  return tiled(spacing, background, `<g fill="${hex(dot)}"><circle cx="${c}" cy="${c}" r="${radius}"/>${extra}</g>`);
};

/** A five-petal flower with a centre, on a plain ground. */
const florals = (petal: ColourName, centre: ColourName, background: ColourName, tile: number) => {
  const c = tile / 2;
  const r = tile / 7;
  const petals = [0, 72, 144, 216, 288]
    .map((a) => `<ellipse cx="${c}" cy="${c - r}" rx="${r * 0.6}" ry="${r}" transform="rotate(${a} ${c} ${c})"/>`)
    .join('');
  return tiled(
    tile,
    background,
    `<g fill="${hex(petal)}">${petals}</g><circle cx="${c}" cy="${c}" r="${r * 0.45}" fill="${hex(centre)}"/>`,
  );
};

const gradient = (from: ColourName, to: ColourName, vertical = false) =>
  `<defs><linearGradient id="g" x2="${vertical ? 0 : 1}" y2="${vertical ? 1 : 0}">` +
  `<stop offset="0" stop-color="${hex(from)}"/><stop offset="1" stop-color="${hex(to)}"/></linearGradient></defs>` +
  `<rect width="${SIZE}" height="${SIZE}" fill="url(#g)"/>`;

const solid = (colour: ColourName) => `<rect width="${SIZE}" height="${SIZE}" fill="${hex(colour)}"/>`;

const triangles = (a: ColourName, b: ColourName, tile: number) =>
  tiled(tile, a, `<path d="M0 ${tile} L${tile / 2} 0 L${tile} ${tile} Z" fill="${hex(b)}"/>`);

/** File name (without extension) → SVG body: names say what a person would search for. */
const DEMO_PATTERNS: Record<string, string> = {
  'stripes-navy-white-horizontal': stripes('white', 'navy', 48, 90),
  'stripes-red-cream-vertical': stripes('cream', 'red', 40),
  'stripes-teal-mustard-diagonal': stripes('mustard', 'teal', 56, 45),
  'stripes-black-white-fine-vertical': stripes('white', 'black', 16),
  'stripes-pink-green-horizontal': stripes('pink', 'green', 64, 90),
  'checks-red-white-gingham': checks('white', 'red', 48),
  'checks-navy-sky-blue': checks('sky blue', 'navy', 80),
  'checks-black-white': checks('white', 'black', 60),
  'checks-olive-tan': checks('tan', 'olive', 40),
  'dots-white-on-navy': dots('white', 'navy', 48, 9),
  'dots-black-on-yellow': dots('black', 'yellow', 60, 14),
  'dots-coral-on-cream': dots('coral', 'cream', 40, 7),
  'dots-mint-on-forest-half-drop': dots('mint', 'forest', 64, 10, true),
  'floral-pink-on-sage': florals('pink', 'mustard', 'sage', 120),
  'floral-red-on-cream': florals('red', 'yellow', 'cream', 96),
  'floral-lavender-on-navy': florals('lavender', 'white', 'navy', 160),
  'gradient-orange-magenta': gradient('orange', 'magenta'),
  'gradient-sky-blue-navy': gradient('sky blue', 'navy', true),
  'gradient-lime-teal': gradient('lime', 'teal'),
  'solid-burgundy': solid('burgundy'),
  'solid-mustard': solid('mustard'),
  'solid-teal': solid('teal'),
  'solid-charcoal': solid('charcoal'),
  'geometric-triangles-cobalt-cream': triangles('cream', 'cobalt', 80),
};

export const DEMO_PATTERN_COUNT = Object.keys(DEMO_PATTERNS).length;

/**
 * Writes the sample patterns into `<dataDir>/demo-library/` and returns that folder. Files
 * already there are left alone, so calling it again (or after the user deleted a few) is cheap.
 */
export async function createDemoLibrary(dataDir: string): Promise<string> {
  const folder = demoLibraryDirOf(dataDir);
  await fs.mkdir(folder, { recursive: true });
  for (const [name, body] of Object.entries(DEMO_PATTERNS)) {
    const target = path.join(folder, `${name}.png`);
    if (await fs.stat(target).catch(() => null)) continue;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}">${body}</svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    // Written under a hidden name and renamed, so the folder watcher never ingests half a file.
    const partial = path.join(folder, `.${name}.png.partial`);
    await fs.writeFile(partial, png);
    await fs.rename(partial, target);
  }
  return folder;
}

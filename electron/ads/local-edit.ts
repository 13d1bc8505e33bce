/**
 * What the built-in compositor can do to a region of a finished variant, without any model: take away
 * what is there by filling the region from what surrounds it, or paint it one colour named in words
 * ("plain warm grey") or as hex. Anything else needs the image model, and is refused rather than faked.
 */
import { hexToRgb } from './contrast';
import { COLOUR_NAMES } from '../../shared/vocabulary/colour-names';

export type LocalEdit = { kind: 'fill' } | { kind: 'recolour'; colour: string };

/** Asking for the region to be emptied; a request that also adds something is not a removal. */
const REMOVAL = /^(?:remove|erase|delete|clear|take away|get rid of|nothing|empty)\b/;
const ALSO_ADDS = /\b(?:and|with|add|put|replace|instead|then|into)\b/;
const FILLER = new Set([
  'a',
  'an',
  'the',
  'plain',
  'solid',
  'flat',
  'simple',
  'in',
  'to',
  'it',
  'make',
  'paint',
  'colour',
  'color',
]);
const FILLER_AFTER = new Set(['background', 'backdrop', 'wall', 'tone', 'colour', 'color']);
/** Small shifts a person means by these words, as a mix towards white, black, amber or blue (share, colour). */
const MODIFIERS: Record<string, [number, string]> = {
  light: [0.4, '#ffffff'],
  pale: [0.4, '#ffffff'],
  dark: [0.4, '#000000'],
  deep: [0.4, '#000000'],
  warm: [0.15, '#d08a3c'],
  cool: [0.15, '#3c78d0'],
};

/** The local edit a prompt asks for, or null when only an image model could do it. */
export function localEditOf(prompt: string): LocalEdit | null {
  const text = prompt
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (!text || (REMOVAL.test(text) && !ALSO_ADDS.test(text))) return { kind: 'fill' };
  const colour = colourOf(text);
  return colour ? { kind: 'recolour', colour } : null;
}

export function localEditRefusal(prompt: string): string {
  return (
    `The local compositor can take away what is in the region ("remove") or paint it one colour ("plain warm grey", ` +
    `"#c8b8a0"); "${prompt.slice(0, 80)}" needs the image model: choose it (it needs AWS credentials, see Settings → AI).`
  );
}

function colourOf(text: string): string | null {
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/.exec(text);
  if (hex) return `#${expandHex(hex[1])}`;
  const words = text.replace(/\bgray\b/g, 'grey').split(/[\s,-]+/);
  while (words.length && FILLER.has(words[0])) words.shift();
  while (words.length && FILLER_AFTER.has(words[words.length - 1])) words.pop();
  const shifts: [number, string][] = [];
  while (words.length > 1 && MODIFIERS[words[0]]) shifts.push(MODIFIERS[words.shift()!]);
  const named = COLOUR_NAMES.find((c) => c.name === words.join(' '));
  if (!named) return null;
  return shifts.reduce((hex, [share, towards]) => mix(hex, towards, share), named.hex as string);
}

function expandHex(digits: string): string {
  return digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
}

function mix(hex: string, towards: string, share: number): string {
  const [a, b] = [hexToRgb(hex), hexToRgb(towards)];
  return `#${a
    .map((v, i) =>
      Math.round(v * (1 - share) + b[i] * share)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Paints the region (255 in `region`) one colour; every other pixel stays as it was. */
export function recolourRegion(rgb: Buffer, region: Buffer, colour: string): Buffer {
  const out = Buffer.from(rgb);
  const [r, g, b] = hexToRgb(colour);
  for (let i = 0; i < region.length; i++) if (region[i]) out.set([r, g, b], i * 3);
  return out;
}

interface Level {
  width: number;
  height: number;
  /** Colour premultiplied by weight. */
  colour: Float32Array;
  /** How much of the pixel is known (0–1). */
  weight: Float32Array;
}

/**
 * Fills the region from the pixels around it (a push-pull membrane: averaged down to coarser levels
 * until every hole has a known neighbour, then interpolated back up), so it takes the surrounding
 * backdrop's colours and gradients. Pixels in `notSource` (the product) lend it nothing; pixels outside
 * the region are kept exactly. Null when nothing around it is left to fill from.
 */
export function fillRegion(
  rgb: Buffer,
  width: number,
  height: number,
  region: Buffer,
  notSource: Buffer,
): Buffer | null {
  const base: Level = {
    width,
    height,
    colour: new Float32Array(width * height * 3),
    weight: new Float32Array(width * height),
  };
  for (let i = 0; i < region.length; i++) {
    if (region[i] || notSource[i]) continue;
    base.weight[i] = 1;
    for (let k = 0; k < 3; k++) base.colour[i * 3 + k] = rgb[i * 3 + k];
  }
  if (!base.weight.some((w) => w > 0)) return null;
  const levels = [base];
  while (levels[levels.length - 1].width > 1 || levels[levels.length - 1].height > 1)
    levels.push(pull(levels[levels.length - 1]));
  for (let l = levels.length - 2; l >= 0; l--) push(levels[l], levels[l + 1]);
  const out = Buffer.from(rgb);
  for (let i = 0; i < region.length; i++)
    if (region[i]) for (let k = 0; k < 3; k++) out[i * 3 + k] = Math.round(base.colour[i * 3 + k]);
  return out;
}

function pull(fine: Level): Level {
  const width = Math.ceil(fine.width / 2),
    height = Math.ceil(fine.height / 2);
  const coarse: Level = {
    width,
    height,
    colour: new Float32Array(width * height * 3),
    weight: new Float32Array(width * height),
  };
  for (let y = 0; y < fine.height; y++)
    for (let x = 0; x < fine.width; x++) {
      const f = y * fine.width + x,
        c = (y >> 1) * width + (x >> 1);
      coarse.weight[c] += fine.weight[f];
      for (let k = 0; k < 3; k++) coarse.colour[c * 3 + k] += fine.colour[f * 3 + k];
    }
  // Known detail counts at most once: a coarse pixel is as known as its best-known share allows.
  for (let c = 0; c < width * height; c++) {
    const sum = coarse.weight[c];
    if (sum <= 1) continue;
    for (let k = 0; k < 3; k++) coarse.colour[c * 3 + k] /= sum;
    coarse.weight[c] = 1;
  }
  return coarse;
}

/** Completes the fine level where it is unknown from the (complete) coarse level, bilinearly. */
function push(fine: Level, coarse: Level): void {
  const at = (x: number, y: number, k: number) => {
    const c = Math.min(coarse.height - 1, Math.max(0, y)) * coarse.width + Math.min(coarse.width - 1, Math.max(0, x));
    return coarse.weight[c] > 0 ? coarse.colour[c * 3 + k] / coarse.weight[c] : 0;
  };
  for (let y = 0; y < fine.height; y++)
    for (let x = 0; x < fine.width; x++) {
      const f = y * fine.width + x;
      const missing = 1 - fine.weight[f];
      if (missing <= 0) continue;
      const cx = (x + 0.5) / 2 - 0.5,
        cy = (y + 0.5) / 2 - 0.5;
      const x0 = Math.floor(cx),
        y0 = Math.floor(cy);
      const tx = cx - x0,
        ty = cy - y0;
      for (let k = 0; k < 3; k++) {
        const top = at(x0, y0, k) * (1 - tx) + at(x0 + 1, y0, k) * tx;
        const bottom = at(x0, y0 + 1, k) * (1 - tx) + at(x0 + 1, y0 + 1, k) * tx;
        fine.colour[f * 3 + k] += missing * (top * (1 - ty) + bottom * ty);
      }
      fine.weight[f] = 1;
    }
}

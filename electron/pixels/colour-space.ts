/**
 * Colour conversions used on every pixel. OKLab is implemented inline (not via culori)
 * because the analyzer converts thousands of pixels per image and culori allocates an
 * object per call; culori is used where accuracy matters more than speed (ΔE2000 naming).
 */
import { differenceCiede2000 } from 'culori';

export type Oklab = [number, number, number];

/** sRGB 8-bit channel → linear light, tabulated once (256 entries). */
const SRGB_TO_LINEAR = new Float64Array(256);
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  SRGB_TO_LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/**
 * Direct-mapped memo of recent conversions: designs repeat a few colours over thousands of
 * pixels, so most lookups skip the three cube roots. Values are exactly those computed.
 */
const MEMO_BITS = 14;
const memoKeys = new Int32Array(1 << MEMO_BITS).fill(-1);
const memoLab = new Float64Array(3 << MEMO_BITS);

/** Memo slot holding the OKLab of an 8-bit sRGB colour, converted on a miss (Björn Ottosson's matrices). */
function oklabSlot(r: number, g: number, b: number): number {
  const key = ((r & 255) << 16) | ((g & 255) << 8) | (b & 255);
  const index = Math.imul(key, 0x9e3779b1) >>> (32 - MEMO_BITS);
  const slot = index * 3;
  if (memoKeys[index] !== key) {
    const lr = SRGB_TO_LINEAR[r & 255];
    const lg = SRGB_TO_LINEAR[g & 255];
    const lb = SRGB_TO_LINEAR[b & 255];
    const l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
    const m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
    const s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
    memoKeys[index] = key;
    memoLab[slot] = 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s;
    memoLab[slot + 1] = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s;
    memoLab[slot + 2] = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s;
  }
  return slot;
}

/** 8-bit sRGB → OKLab. */
export function rgbToOklab(r: number, g: number, b: number): Oklab {
  const slot = oklabSlot(r, g, b);
  return [memoLab[slot], memoLab[slot + 1], memoLab[slot + 2]];
}

/** rgbToOklab without the array: writes L, a, b to out[at..at+2] (for loops over many pixels). */
export function rgbToOklabInto(r: number, g: number, b: number, out: Float64Array, at: number): void {
  const slot = oklabSlot(r, g, b);
  out[at] = memoLab[slot];
  out[at + 1] = memoLab[slot + 1];
  out[at + 2] = memoLab[slot + 2];
}

function linearToSrgb8(x: number): number {
  const c = x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055;
  return Math.max(0, Math.min(255, Math.round(c * 255)));
}

/** OKLab → 8-bit sRGB, clamped to the gamut. */
export function oklabToRgb([L, a, b]: Oklab): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    linearToSrgb8(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    linearToSrgb8(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    linearToSrgb8(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

export function rgbToHex(r: number, g: number, b: number): string {
  return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
}

/** Parses `#rgb` or `#rrggbb` (case-insensitive, `#` optional); throws on anything else. */
export function hexToRgb(hex: string): [number, number, number] {
  let h = hex.trim().replace(/^#/, '').toLowerCase();
  if (/^[0-9a-f]{3}$/.test(h))
    h = h
      .split('')
      .map((c) => c + c)
      .join('');
  if (!/^[0-9a-f]{6}$/.test(h)) throw new Error(`not a hex colour: ${hex}`);
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

export function hexToOklab(hex: string): Oklab {
  const [r, g, b] = hexToRgb(hex);
  return rgbToOklab(r, g, b);
}

export function oklabToHex(lab: Oklab): string {
  const [r, g, b] = oklabToRgb(lab);
  return rgbToHex(r, g, b);
}

/**
 * Euclidean ΔE in OKLab, ×100 so its scale is roughly that of ΔE2000
 * (a just-noticeable difference is ~2, "clearly different" is > 10).
 */
export function oklabDistance(a: Oklab, b: Oklab): number {
  return 100 * Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

const ciede2000 = differenceCiede2000();

/** CIEDE2000 between two hex colours (used for naming, where perceptual accuracy matters). */
export function deltaE2000(hexA: string, hexB: string): number {
  return ciede2000(hexA, hexB);
}

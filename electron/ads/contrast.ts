/**
 * WCAG 2.x contrast: relative luminance of sRGB colours and the ratio between two of them.
 * Text is checked against the pixels actually behind it, at their darkest and lightest
 * (2nd and 98th percentile), so a busy background cannot hide behind its average.
 */
export type Rgb = readonly [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: number, b: number): number {
  const [hi, lo] = a > b ? [a, b] : [b, a];
  return (hi + 0.05) / (lo + 0.05);
}

/** Luminance of the darkest and lightest pixels behind a region (RGB or RGBA raw pixels). */
export function luminanceRange(pixels: Uint8Array | Buffer, channels: number): { dark: number; light: number } {
  const count = pixels.length / channels;
  const step = Math.max(1, Math.floor(count / 4096));
  const values: number[] = [];
  for (let i = 0; i < count; i += step)
    values.push(relativeLuminance([pixels[i * channels], pixels[i * channels + 1], pixels[i * channels + 2]]));
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
  return { dark: at(0.02), light: at(0.98) };
}

/** The worst contrast a text colour has against a background that spans this luminance range. */
export function worstContrast(text: Rgb, range: { dark: number; light: number }): number {
  const l = relativeLuminance(text);
  return Math.min(contrastRatio(l, range.dark), contrastRatio(l, range.light));
}

/** The candidate with the best worst-case contrast. */
export function bestTextColour(
  candidates: readonly string[],
  range: { dark: number; light: number },
): { colour: string; ratio: number } {
  let best = { colour: candidates[0], ratio: 0 };
  for (const colour of candidates) {
    const ratio = worstContrast(hexToRgb(colour), range);
    if (ratio > best.ratio) best = { colour, ratio };
  }
  return best;
}

export const WCAG_AA = 4.5;

/**
 * How the two tones of a design connect, after Otsu binarisation: stripes are bands that
 * cross the image one way; a grid's lines cross it both ways around isolated cells; dots are
 * isolated blobs on a background that crosses both ways; a checkerboard's squares are all
 * isolated (4-connected, they only touch at corners).
 */
import { components, type Component, type ToneSplit } from './blobs';

export interface ToneStructure {
  /** Share of the tone's pixels in parts that cross the image both ways. */
  spansBoth: number;
  /** Share of the tone's pixels in parts that cross it one way only. */
  spansOne: number;
  /** log(1 + parts per 1,000 pixels), ignoring specks under 3 pixels. */
  partDensity: number;
}

export interface BinaryStructure {
  minority: ToneStructure;
  majority: ToneStructure;
}

/** `minorityParts`: the components of `split.minority`, already labelled for the blob statistics. */
export function binaryStructure(split: ToneSplit, minorityParts: readonly Component[]): BinaryStructure {
  const { width: w, height: h } = split;
  return {
    minority: toneStructure(minorityParts, w, h),
    majority: toneStructure(components(split.majority, w, h), w, h),
  };
}

function toneStructure(pieces: readonly Component[], w: number, h: number): ToneStructure {
  let total = 0,
    both = 0,
    one = 0,
    parts = 0;
  for (const c of pieces) {
    total += c.area;
    if (c.area >= 3) parts++;
    const acrossX = c.x0 === 0 && c.x1 === w - 1;
    const acrossY = c.y0 === 0 && c.y1 === h - 1;
    if (acrossX && acrossY) both += c.area;
    else if (acrossX || acrossY) one += c.area;
  }
  return {
    spansBoth: total ? both / total : 0,
    spansOne: total ? one / total : 0,
    partDensity: Math.log1p((parts * 1000) / (w * h)),
  };
}

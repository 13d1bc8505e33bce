/**
 * Sheet segmentation: several designs laid out on a plain background. The background
 * colour comes from the border; pixels far from it form a mask that is dilated (so a
 * design's own background-coloured parts do not split it), split into connected
 * components, and filtered by size. Boxes are in the raster's pixels.
 */
import type { Box } from '../../shared/model/asset';
import type { Raster } from './raster';
import { components } from './blobs';
import { oklabDistance, rgbToOklab, rgbToOklabInto, type Oklab } from './colour-space';

/** Share of border pixels that must match the background colour for a "plain" background. */
const PLAIN_BORDER = 0.7;
/** ΔE OK ×100 from the background above which a pixel belongs to a design. */
const FOREGROUND_DE = 10;
const DILATE = 2;
const MIN_BOX_SHARE = 0.015;
const MIN_PIXEL_SHARE = 0.005;
/** A region this large is the whole image, not one design among several. */
const MAX_BOX_SHARE = 0.85;
/** More regions than this is an all-over motif (polka dots, confetti), not a sheet of designs. */
const MAX_REGIONS = 32;

function backgroundColour(r: Raster): Oklab | null {
  const { width: w, height: h } = r;
  const border: Oklab[] = [];
  const push = (x: number, y: number) => {
    const i = (y * w + x) * 3;
    border.push(rgbToOklab(r.data[i], r.data[i + 1], r.data[i + 2]));
  };
  for (let x = 0; x < w; x++) {
    push(x, 0);
    push(x, h - 1);
  }
  for (let y = 1; y < h - 1; y++) {
    push(0, y);
    push(w - 1, y);
  }
  // Typed arrays sort numbers natively, without a comparator call per comparison.
  const median = [0, 1, 2].map((k) => Float64Array.from(border, (p) => p[k]).sort()[border.length >> 1]) as Oklab;
  const matching = border.filter((p) => oklabDistance(p, median) < FOREGROUND_DE * 0.6).length;
  return matching >= border.length * PLAIN_BORDER ? median : null;
}

/** Box dilation, separable: a pixel is set when any pixel within `radius` along the row, then the column, is. */
function dilate(mask: Uint8Array, w: number, h: number, radius: number): Uint8Array {
  const tmp = new Uint8Array(w * h);
  const out = new Uint8Array(w * h);
  // A running count of the set pixels in the window, instead of rescanning it at every pixel.
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let count = 0;
    for (let x = 0; x < Math.min(radius, w); x++) count += mask[row + x];
    for (let x = 0; x < w; x++) {
      if (x + radius < w) count += mask[row + x + radius];
      if (x - radius - 1 >= 0) count -= mask[row + x - radius - 1];
      tmp[row + x] = count > 0 ? 1 : 0;
    }
  }
  for (let x = 0; x < w; x++) {
    let count = 0;
    for (let y = 0; y < Math.min(radius, h); y++) count += tmp[y * w + x];
    for (let y = 0; y < h; y++) {
      if (y + radius < h) count += tmp[(y + radius) * w + x];
      if (y - radius - 1 >= 0) count -= tmp[(y - radius - 1) * w + x];
      out[y * w + x] = count > 0 ? 1 : 0;
    }
  }
  return out;
}

const overlaps = (a: Box, b: Box) =>
  a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x),
    y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** Boxes that touch or overlap are one design. */
function mergeOverlapping(boxes: Box[]): Box[] {
  const list = [...boxes];
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < list.length && !merged; i++) {
      for (let j = i + 1; j < list.length && !merged; j++) {
        if (overlaps(list[i], list[j])) {
          list[i] = union(list[i], list[j]);
          list.splice(j, 1);
          merged = true;
        }
      }
    }
  }
  return list;
}

/** Designs on a sheet sit inside a margin; a region cut by the edge means an all-over print (stripes, a repeat). */
function touchesEdge(b: Box, w: number, h: number): boolean {
  return b.x <= 0 || b.y <= 0 || b.x + b.width >= w || b.y + b.height >= h;
}

/** Two or more design regions on a plain background, or [] when the image is not such a sheet. */
export function segmentSheet(r: Raster): Box[] {
  const { width: w, height: h } = r;
  if (w < 16 || h < 16) return [];
  const bg = backgroundColour(r);
  if (!bg) return [];
  const mask = new Uint8Array(w * h);
  // Squared distance in OKLab units: oklabDistance > FOREGROUND_DE without a hypot per pixel.
  const limit = (FOREGROUND_DE / 100) ** 2;
  const lab = new Float64Array(3);
  const { data } = r;
  // A plain sheet is mostly runs of one colour: a pixel like the last one gets its answer.
  let last = -1,
    lastOn = 0;
  for (let i = 0, j = 0; i < w * h; i++, j += 3) {
    const key = (data[j] << 16) | (data[j + 1] << 8) | data[j + 2];
    if (key !== last) {
      rgbToOklabInto(data[j], data[j + 1], data[j + 2], lab, 0);
      lastOn = (lab[0] - bg[0]) ** 2 + (lab[1] - bg[1]) ** 2 + (lab[2] - bg[2]) ** 2 > limit ? 1 : 0;
      last = key;
    }
    mask[i] = lastOn;
  }
  const area = w * h;
  const boxes = components(dilate(mask, w, h, DILATE), w, h)
    .filter((c) => c.area >= area * MIN_PIXEL_SHARE)
    .map((c) => {
      // Undo the dilation's growth (except where it was clipped by the image edge).
      const x0 = c.x0 > 0 ? c.x0 + DILATE : 0,
        y0 = c.y0 > 0 ? c.y0 + DILATE : 0;
      const x1 = c.x1 < w - 1 ? c.x1 - DILATE : w - 1,
        y1 = c.y1 < h - 1 ? c.y1 - DILATE : h - 1;
      return { x: x0, y: y0, width: Math.max(1, x1 - x0 + 1), height: Math.max(1, y1 - y0 + 1) };
    })
    .filter((b) => b.width * b.height >= area * MIN_BOX_SHARE);
  const regions = mergeOverlapping(boxes);
  if (regions.length < 2 || regions.length > MAX_REGIONS) return [];
  if (regions.some((b) => b.width * b.height > area * MAX_BOX_SHARE || touchesEdge(b, w, h))) return [];
  return regions.sort((a, b) => a.y - b.y || a.x - b.x);
}

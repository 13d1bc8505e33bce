/**
 * Statistics that tell a surface (a repeat, a texture, a flat design) from a scene (a photo,
 * clip art, a screenshot): a surface looks the same everywhere, a scene does not; a flat design
 * is a handful of exact colours, a photo thousands; clip art and screenshots sit on white.
 */
import type { Gradients, GreyImage } from './grey';
import type { Raster } from './raster';

export interface SceneStats {
  /** Spread of the 4×4 blocks' mean lightness, relative to the whole image's spread (0 = stationary). */
  blockLightSpread: number;
  /** Coefficient of variation of the blocks' mean edge strength (0 = the same detail everywhere). */
  blockDetailSpread: number;
  /** Share of blocks with almost no detail: an empty sky, a white page around a drawing. */
  quietBlocks: number;
  /** log2 of the quantised colours (4 bits a channel) that cover 90 % of the pixels. */
  colourCount: number;
  /** Share of the pixels in the single most common quantised colour. */
  topColourShare: number;
  /** Share of near-white pixels (≥ 245 on every channel). */
  whiteShare: number;
  /** Mean and spread of HSV saturation, 0..1. */
  saturation: number;
  saturationSpread: number;
  /** Fine detail (1 px) against coarser detail (4 px): high for grain, low for smooth scenes. */
  fineToCoarse: number;
}

const BLOCKS = 4;

export function sceneStats(r: Raster, grey: GreyImage, grad: Gradients): SceneStats {
  return { ...blockStats(grey, grad), ...colourStats(r), fineToCoarse: fineToCoarse(grey) };
}

function blockStats(g: GreyImage, grad: Gradients) {
  const light = new Float64Array(BLOCKS * BLOCKS);
  const detail = new Float64Array(BLOCKS * BLOCKS);
  const count = new Float64Array(BLOCKS * BLOCKS);
  let sum = 0,
    sumSq = 0;
  for (let y = 0; y < g.height; y++) {
    const by = Math.min(BLOCKS - 1, Math.floor((y * BLOCKS) / g.height));
    for (let x = 0; x < g.width; x++) {
      const b = by * BLOCKS + Math.min(BLOCKS - 1, Math.floor((x * BLOCKS) / g.width));
      const i = y * g.width + x;
      light[b] += g.data[i];
      detail[b] += grad.magnitude[i];
      count[b]++;
      sum += g.data[i];
      sumSq += g.data[i] * g.data[i];
    }
  }
  const n = g.width * g.height;
  const globalSd = Math.sqrt(Math.max(0, sumSq / n - (sum / n) ** 2));
  for (let b = 0; b < light.length; b++) {
    light[b] /= Math.max(1, count[b]);
    detail[b] /= Math.max(1, count[b]);
  }
  const meanDetail = mean(detail);
  return {
    blockLightSpread: sd(light) / (globalSd + 0.02),
    blockDetailSpread: sd(detail) / (meanDetail + 0.002),
    quietBlocks: detail.filter((d) => d < 0.004).length / detail.length,
  };
}

function colourStats(r: Raster) {
  const bins = new Uint32Array(4096);
  const n = r.width * r.height;
  let white = 0,
    sat = 0,
    satSq = 0;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    const [red, green, blue] = [r.data[j], r.data[j + 1], r.data[j + 2]];
    bins[((red >> 4) << 8) | ((green >> 4) << 4) | (blue >> 4)]++;
    if (red >= 245 && green >= 245 && blue >= 245) white++;
    const max = Math.max(red, green, blue);
    const s = max === 0 ? 0 : (max - Math.min(red, green, blue)) / max;
    sat += s;
    satSq += s * s;
  }
  const sorted = Array.from(bins).sort((a, b) => b - a);
  let covered = 0,
    used = 0;
  while (covered < 0.9 * n) covered += sorted[used++];
  const meanSat = sat / n;
  return {
    colourCount: Math.log2(used),
    topColourShare: sorted[0] / n,
    whiteShare: white / n,
    saturation: meanSat,
    saturationSpread: Math.sqrt(Math.max(0, satSq / n - meanSat * meanSat)),
  };
}

/** Mean absolute difference to the right/below neighbour at 1 px and at 4 px steps. */
function fineToCoarse(g: GreyImage): number {
  const diff = (step: number) => {
    let s = 0,
      k = 0;
    for (let y = 0; y + step < g.height; y += step)
      for (let x = 0; x + step < g.width; x += step) {
        const i = y * g.width + x;
        s += Math.abs(g.data[i] - g.data[i + step]) + Math.abs(g.data[i] - g.data[i + step * g.width]);
        k += 2;
      }
    return k ? s / k : 0;
  };
  return diff(1) / (diff(4) + 0.002);
}

function mean(v: Float64Array): number {
  return v.reduce((s, x) => s + x, 0) / v.length;
}

function sd(v: Float64Array): number {
  const m = mean(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
}

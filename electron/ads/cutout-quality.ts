/**
 * How sure a cut-out is, in figures and plain words: how much of the frame it covers, whether its
 * outline follows edges in the photo, and how uniform the background it was learnt from is. A cut-out
 * that is empty, tiny, the whole frame, outlined where the photo has no edge, or learnt from a busy
 * background is "low": the campaign asks a person before any ad is made from it.
 */
import type { CutoutQuality } from '../../shared/model/ads';

/** Below this share of the frame the "product" is a speck; above the upper one nothing was told apart. */
const MIN_COVERAGE = 0.02;
const MAX_COVERAGE = 0.95;
/** Share of the outline that must lie on a visible edge in the photo. */
const MIN_EDGE_AGREEMENT = 0.6;
/** Luminance step (0–255) between neighbours that counts as an edge. */
const EDGE_STEP = 14;
/** Edges left outside the cut-out, as a share of its outline's length, beyond which part of the product was likely missed. */
const MAX_STRAY_EDGES = 0.35;
/** A gentler step for edges in the background: a lit white face against a pale sweep is a faint edge. */
const STRAY_STEP = 5;
/** A sharp edge keeps most of its step over one pixel; a soft shadow or a light falloff spreads it over many. */
const SHARPNESS = 0.6;
/** Edges this close to the outline belong to it (feathering, shadows). */
const OUTLINE_BAND = 3;
/** Border spread (OKLab ×100) at which a background stops being plain. */
export const BUSY_BORDER_SPREAD = 12;

export interface QualityInput {
  /** Product mask before feathering: non-zero = product. */
  mask: Uint8Array;
  /** The photo at the mask's size, RGBA. */
  rgba: Buffer;
  width: number;
  height: number;
  /** Spread of the border colours the background was learnt from; 0 when the photo's own alpha was used. */
  borderSpread: number;
}

export function measureCutout(input: QualityInput): CutoutQuality {
  const { mask } = input;
  let covered = 0;
  for (const v of mask) if (v) covered++;
  const coverage = covered / mask.length;
  const outline = covered ? outlineOnEdges(input) : { length: 0, agreement: 0 };
  const edgeAgreement = outline.agreement;
  const stray = outline.length ? strayEdges(input) / outline.length : 0;
  const backgroundUniformity = Math.max(0, Math.min(1, 1 - input.borderSpread / (2 * BUSY_BORDER_SPREAD)));
  const problems = problemsOf(coverage, edgeAgreement, stray, input.borderSpread, covered);
  return {
    confidence: covered === 0 ? 'none' : problems.length ? 'low' : 'high',
    coverage: round(coverage),
    edgeAgreement: round(edgeAgreement),
    backgroundUniformity: round(backgroundUniformity),
    problems,
  };
}

function problemsOf(coverage: number, edges: number, stray: number, spread: number, covered: number): string[] {
  const busy = spread > BUSY_BORDER_SPREAD;
  if (covered === 0)
    return [
      busy
        ? 'no product was found: the background is busy (a table, a room, a pattern), so it could not be told apart'
        : 'no product was found: the photo looks like one plain background',
    ];
  const problems: string[] = [];
  const percent = (v: number) => (v < 0.001 ? 'less than 0.1 %' : `${Math.round(v * 1000) / 10} %`);
  if (coverage < MIN_COVERAGE)
    problems.push(`the cut-out is only ${percent(coverage)} of the photo: likely a speck or a shadow`);
  if (coverage > MAX_COVERAGE) problems.push('the cut-out is the whole photo: no background was told apart');
  if (busy) problems.push('the background is busy (a table, a room, a pattern), so the automatic cut-out is a guess');
  if (!busy && stray > MAX_STRAY_EDGES)
    problems.push('the photo has outlines outside the cut-out: part of the product may have been left out');
  if (edges < MIN_EDGE_AGREEMENT)
    problems.push(
      `only ${percent(edges)} of the cut-out's outline follows an edge in the photo: part of the product may be missing`,
    );
  return problems;
}

const lumaOf = (rgba: Buffer, i: number) => 0.2126 * rgba[i * 4] + 0.7152 * rgba[i * 4 + 1] + 0.0722 * rgba[i * 4 + 2];

/** The mask's outline length, and the share of it that sits on (or next to) an edge of the photo. */
function outlineOnEdges({ mask, rgba, width, height }: QualityInput): { length: number; agreement: number } {
  const luma = (i: number) => lumaOf(rgba, i);
  let outline = 0;
  let onEdge = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (!mask[i]) continue;
      const neighbours = [i - 1, i + 1, i - width, i + width];
      const outside = neighbours.find((j) => !mask[j]);
      if (outside === undefined) continue;
      outline++;
      // The step across the outline, looking one pixel further either side (edges are a little soft).
      const across = 2 * outside - i;
      const far = Math.min(Math.max(across, 0), mask.length - 1);
      const back = Math.min(Math.max(2 * i - outside, 0), mask.length - 1);
      if (Math.abs(luma(back) - luma(far)) >= EDGE_STEP || colourStep(rgba, back, far) >= EDGE_STEP) onEdge++;
    }
  }
  return { length: outline, agreement: outline ? onEdge / outline : 0 };
}

/** Background pixels away from the outline that sit on an edge: what a cut-out that missed part of the product leaves behind. */
function strayEdges({ mask, rgba, width, height }: QualityInput): number {
  const near = dilate(mask, width, height, OUTLINE_BAND);
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (near[i]) continue;
      if (sharpStep(rgba, i, 1, x, width) || sharpStep(rgba, i, width, y, height)) count++;
    }
  }
  return count;
}

/** A step of at least STRAY_STEP across pixel i along one axis, sharp rather than a slow ramp. */
function sharpStep(rgba: Buffer, i: number, stride: number, at: number, length: number): boolean {
  const narrow = Math.abs(lumaOf(rgba, i + stride) - lumaOf(rgba, i - stride));
  if (narrow < STRAY_STEP) return false;
  const reach = Math.min(3, at, length - 1 - at);
  const wide = Math.abs(lumaOf(rgba, i + reach * stride) - lumaOf(rgba, i - reach * stride));
  return narrow >= SHARPNESS * wide;
}

/** The mask grown by `radius` pixels (a square neighbourhood, separable: rows then columns). */
function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) runMax(mask, rows, y * width, 1, width, radius);
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) runMax(rows, out, x, width, height, radius);
  return out;
}

/** Along one line (start, stride, length): out is set wherever src is set within `radius`. */
function runMax(src: Uint8Array, out: Uint8Array, start: number, stride: number, length: number, radius: number): void {
  let nextSet = Infinity;
  let previous = -Infinity;
  for (let k = length - 1; k >= 0; k--) {
    if (src[start + k * stride]) nextSet = k;
    out[start + k * stride] = nextSet - k <= radius ? 1 : 0;
  }
  for (let k = 0; k < length; k++) {
    if (src[start + k * stride]) previous = k;
    if (k - previous <= radius) out[start + k * stride] = 1;
  }
}

/** Largest channel difference: a red product on a green table of equal luminance still has an edge. */
function colourStep(rgba: Buffer, a: number, b: number): number {
  return Math.max(
    Math.abs(rgba[a * 4] - rgba[b * 4]),
    Math.abs(rgba[a * 4 + 1] - rgba[b * 4 + 1]),
    Math.abs(rgba[a * 4 + 2] - rgba[b * 4 + 2]),
  );
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

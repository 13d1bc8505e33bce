/**
 * One frame of a live loop, drawn in plain integer maths over the raw layers: the background
 * zoomed and drifted (bilinear), the light band added to it, the text over it at its current
 * opacity, and the product on top exactly as given. The product goes last so that wherever its
 * alpha is 255 the frame holds its pixels unchanged, whatever the text layer does there.
 */
import type { LoopLayers } from './loop';
import { sweepAt, textOpacityAt, zoomAt, type MotionPlan } from './motion';

/** Draws the frame at `phase` (0..1 of the loop) into `out` (width × height × 3, RGB). */
export function drawFrame(layers: LoopLayers, plan: MotionPlan, phase: number, out: Buffer): void {
  const { width, height, background: bg, product, text } = layers;
  const second = phase * plan.seconds;
  const { from: colFrom, to: colTo, weight: colWeight } = sampling(width, zoomAt(plan, phase), plan.focus.x, 3);
  const rows = sampling(height, zoomAt(plan, phase), plan.focus.y, width * 3);
  const band = lightBand(width, height, plan, sweepAt(plan, second));
  const lookup = band?.lookup;
  const bandCol = band?.colOffset;
  const textOpacity = Math.round(textOpacityAt(plan, second) * 255);
  for (let y = 0; y < height; y++) {
    const top = rows.from[y];
    const bottom = rows.to[y];
    const wy = rows.weight[y];
    const bandRow = band ? band.rowOffset[y] : 0;
    for (let x = 0, p = y * width; x < width; x++, p++) {
      const o = p * 3;
      const q = p * 4;
      const productAlpha = product[q + 3];
      if (productAlpha === 255) {
        out[o] = product[q];
        out[o + 1] = product[q + 1];
        out[o + 2] = product[q + 2];
        continue;
      }
      // Bilinear in 8-bit fixed point: weights 0..256, so weight 0 reads the source pixel exactly.
      const a = top + colFrom[x];
      const b = top + colTo[x];
      const c = bottom + colFrom[x];
      const d = bottom + colTo[x];
      const wx = colWeight[x];
      const ux = 256 - wx;
      const uy = 256 - wy;
      let red = ((bg[a] * ux + bg[b] * wx) * uy + (bg[c] * ux + bg[d] * wx) * wy + 32768) >> 16;
      let green = ((bg[a + 1] * ux + bg[b + 1] * wx) * uy + (bg[c + 1] * ux + bg[d + 1] * wx) * wy + 32768) >> 16;
      let blue = ((bg[a + 2] * ux + bg[b + 2] * wx) * uy + (bg[c + 2] * ux + bg[d + 2] * wx) * wy + 32768) >> 16;
      const light = lookup && bandCol ? lookup[bandRow + bandCol[x]] : 0;
      if (light) {
        red += ((255 - red) * light) >> 8;
        green += ((255 - green) * light) >> 8;
        blue += ((255 - blue) * light) >> 8;
      }
      const textAlpha = ((text[q + 3] * textOpacity + 127) / 255) | 0;
      if (textAlpha) {
        red = ((text[q] * textAlpha + red * (255 - textAlpha) + 127) / 255) | 0;
        green = ((text[q + 1] * textAlpha + green * (255 - textAlpha) + 127) / 255) | 0;
        blue = ((text[q + 2] * textAlpha + blue * (255 - textAlpha) + 127) / 255) | 0;
      }
      if (productAlpha) {
        red = ((product[q] * productAlpha + red * (255 - productAlpha) + 127) / 255) | 0;
        green = ((product[q + 1] * productAlpha + green * (255 - productAlpha) + 127) / 255) | 0;
        blue = ((product[q + 2] * productAlpha + blue * (255 - productAlpha) + 127) / 255) | 0;
      }
      out[o] = red;
      out[o + 1] = green;
      out[o + 2] = blue;
    }
  }
}

/**
 * Per output column (or row): the offsets (`stride` bytes per step) of the two source pixels and
 * the weight (0..256) of the second, for a scale of `zoom` drifting towards `focus`. At zoom 1 it
 * is the identity with weight 0: the loop's first frame shows the background exactly.
 */
function sampling(size: number, zoom: number, focus: number, stride = 1) {
  const from = new Int32Array(size);
  const to = new Int32Array(size);
  const weight = new Int32Array(size);
  const centre = size / 2 + (focus * (size - size / zoom)) / 2;
  for (let i = 0; i < size; i++) {
    const s = Math.min(size - 1, Math.max(0, centre + (i + 0.5 - size / 2) / zoom - 0.5));
    const first = Math.floor(s);
    from[i] = first * stride;
    to[i] = Math.min(size - 1, first + 1) * stride;
    weight[i] = Math.round((s - first) * 256);
  }
  return { from, to, weight };
}

/**
 * The soft band of light at `progress` (0..1 across the frame), as a lookup by each pixel's
 * position along the sweep's direction: a Gaussian profile, 0..256 of the way to white.
 */
function lightBand(width: number, height: number, plan: MotionPlan, progress: number | null) {
  if (progress === null) return null;
  const dx = Math.cos(plan.sweepAngle);
  const dy = Math.sin(plan.sweepAngle);
  const colOffset = Int32Array.from({ length: width }, (_, x) => Math.round(x * dx));
  const rowOffset = Int32Array.from({ length: height }, (_, y) => Math.round(y * dy));
  const low = Math.min(0, colOffset[width - 1]) + Math.min(0, rowOffset[height - 1]);
  const high = Math.max(0, colOffset[width - 1]) + Math.max(0, rowOffset[height - 1]);
  for (let y = 0; y < height; y++) rowOffset[y] -= low;
  const span = high - low;
  const sigma = Math.max(2, span * 0.08);
  // The band starts and ends three sigmas outside the frame: it enters and leaves unseen.
  const centre = -3 * sigma + progress * (span + 6 * sigma);
  const lookup = new Int32Array(span + 1);
  for (let i = 0; i <= span; i++)
    lookup[i] = Math.round(256 * plan.sweepStrength * Math.exp(-0.5 * ((i - centre) / sigma) ** 2));
  return { colOffset, rowOffset, lookup };
}

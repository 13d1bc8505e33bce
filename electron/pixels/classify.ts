/**
 * The pattern rule set: a short, ordered list of documented rules over the measured
 * features. Confidence reflects how clearly the deciding feature cleared its threshold.
 */
import type { PatternLabel, StripeOrientation } from '../../shared/vocabulary/pattern-labels';
import { looksLikeDots } from './blobs';
import type { RasterFeatures } from './features';
import { looksSmooth } from './texture';

export interface Classification {
  label: PatternLabel;
  confidence: number;
  solid: boolean;
  stripeOrientation: StripeOrientation | null;
  checks: boolean;
  dots: boolean;
}

/** A repeat counts only if shifting by it really reproduces the image. */
export const PERIODIC_SCORE = 0.5;
/** Orientation mass in a few directions above which edges are called straight (see TextureStats.straightness). */
const STRAIGHT = 0.6;

const clamp = (v: number, lo = 0.3, hi = 0.97) => Math.round(Math.min(hi, Math.max(lo, v)) * 100) / 100;

export function stripeOrientationOf(gradientAngle: number): StripeOrientation {
  // The gradient runs across the stripes: along x (0°/180°) means vertical stripes.
  const a = gradientAngle % 180;
  if (a < 15 || a > 165) return 'vertical';
  if (Math.abs(a - 90) < 15) return 'horizontal';
  return 'diagonal';
}

export function isSolid(f: RasterFeatures): boolean {
  return f.colourSpread < 2.5 && f.texture.edgeDensity < 0.01;
}

export function classify(f: RasterFeatures): Classification {
  const t = f.texture;
  const base = { solid: false, stripeOrientation: null, checks: false, dots: false };
  if (isSolid(f)) return { ...base, label: 'solid', solid: true, confidence: clamp(1 - f.colourSpread / 5) };
  const score = f.lattice?.score ?? 0;
  const periodic = score >= PERIODIC_SCORE;
  if (looksSmooth(t) && !periodic) {
    return { ...base, label: 'gradient', confidence: clamp(0.5 + (t.smoothFit - 0.95) * 9) };
  }
  if (t.coherence > 0.8 && (periodic || (t.coherence > 0.92 && t.edgeDensity > 0.1))) {
    return {
      ...base,
      label: 'stripes',
      stripeOrientation: stripeOrientationOf(t.gradientAngle),
      confidence: clamp(0.4 + 0.3 * t.coherence + 0.3 * score),
    };
  }
  const dots = looksLikeDots(f.blobs);
  if (dots) return { ...base, label: 'dots', dots: true, confidence: clamp(periodic ? 0.6 + 0.35 * score : 0.55) };
  const twoAxes = f.lattice !== null && f.lattice.width !== null && f.lattice.height !== null;
  if (periodic && twoAxes && t.axisAligned > 0.7 && t.coherence < 0.5) {
    return { ...base, label: 'checks', checks: true, confidence: clamp(0.4 + 0.3 * t.axisAligned + 0.3 * score) };
  }
  // Printed designs: flat fills of a few colours separated by many edges.
  const flatDesign = t.flatness > 0.45 && t.edgeDensity > 0.05 && f.paletteResidual < 3;
  if (periodic || flatDesign) {
    const straight = t.straightness > STRAIGHT;
    return {
      ...base,
      label: straight ? 'geometric' : 'floral/organic',
      confidence: clamp(0.45 + 0.2 * score + 1.2 * Math.abs(t.straightness - STRAIGHT)),
    };
  }
  if (t.grain > 0.03 && t.tonalRange < 0.45 && f.colourfulness < 0.35) {
    return { ...base, label: 'texture', confidence: clamp(0.45 + (0.45 - t.tonalRange)) };
  }
  return { ...base, label: 'photo/other', confidence: clamp(0.4 + 0.3 * t.tonalRange, 0.3, 0.75) };
}

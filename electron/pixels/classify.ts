/**
 * The pattern label: flat images are solid by definition; everything else goes to the learned
 * classifier (pattern-model.ts). A second label is kept when the design is clearly both (floral
 * stripes, a dotted grid), the dominant first. Confidence is the classifier's own probability.
 */
import type { PatternLabel, StripeOrientation } from '../../shared/vocabulary/pattern-labels';
import type { RasterFeatures } from './features';
import { patternFeatureVector } from './pattern-features';
import { labelProbabilities, type LabelProbability } from './pattern-model';

export interface Classification {
  label: PatternLabel;
  /** Every label that applies, the dominant (= label) first. */
  labels: PatternLabel[];
  confidence: number;
  solid: boolean;
  stripeOrientation: StripeOrientation | null;
  checks: boolean;
  dots: boolean;
}

/** A repeat counts only if shifting by it really reproduces the image. */
export const PERIODIC_SCORE = 0.5;
/** A second label needs at least this probability. */
const SECOND_LABEL = 0.25;
/** Labels that describe the whole image and so never share it with another. */
const EXCLUSIVE = new Set<PatternLabel>(['solid', 'gradient', 'photo/other']);

const clamp = (v: number) => Math.round(Math.min(0.99, Math.max(0.01, v)) * 100) / 100;

export function stripeOrientationOf(gradientAngle: number): StripeOrientation {
  // The gradient runs across the stripes: along x (0°/180°) means vertical stripes.
  const a = gradientAngle % 180;
  if (a < 15 || a > 165) return 'vertical';
  if (Math.abs(a - 90) < 15) return 'horizontal';
  return 'diagonal';
}

export function isSolid(f: RasterFeatures): boolean {
  // Grain keeps a near-plain paper or stone a texture: solid means flat.
  return f.colourSpread < 2.5 && f.texture.edgeDensity < 0.01 && f.texture.grain < 0.02;
}

function labelsOf(ranked: LabelProbability[]): PatternLabel[] {
  const [first, second] = ranked;
  const both =
    second && second.probability >= SECOND_LABEL && !EXCLUSIVE.has(first.label) && !EXCLUSIVE.has(second.label);
  return both ? [first.label, second.label] : [first.label];
}

export function classify(f: RasterFeatures): Classification {
  if (isSolid(f)) {
    const confidence = clamp(1 - f.colourSpread / 5);
    return {
      label: 'solid',
      labels: ['solid'],
      confidence,
      solid: true,
      stripeOrientation: null,
      checks: false,
      dots: false,
    };
  }
  const ranked = labelProbabilities(patternFeatureVector(f));
  const labels = labelsOf(ranked);
  return {
    label: labels[0],
    labels,
    confidence: clamp(ranked[0].probability),
    solid: labels[0] === 'solid',
    stripeOrientation: labels.includes('stripes') ? stripeOrientationOf(f.texture.gradientAngle) : null,
    checks: labels.includes('checks'),
    dots: labels.includes('dots'),
  };
}

/** The fixed pattern vocabulary every analyzer maps onto (see README, "Pattern labels"). */
export const PATTERN_LABELS = [
  'solid',
  'stripes',
  'checks',
  'dots',
  'geometric',
  'floral/organic',
  'texture',
  'gradient',
  'photo/other',
] as const;

export type PatternLabel = (typeof PATTERN_LABELS)[number];

export const STRIPE_ORIENTATIONS = ['horizontal', 'vertical', 'diagonal'] as const;
export type StripeOrientation = (typeof STRIPE_ORIENTATIONS)[number];

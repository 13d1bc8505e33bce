import { z } from 'zod';
import { COLOUR_NAMES, type ColourName } from '../vocabulary/colour-names';
import { PATTERN_LABELS } from '../vocabulary/pattern-labels';
import type { PaletteColour } from './asset';

/** What a person can correct of the local analyzer's answer. */
export const CORRECTION_FIELDS = ['pattern', 'colours', 'repeat'] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];

/**
 * Palette colours below this share are accents, not what the image "is": they are not a colour
 * facet value, a colour word in search does not match them, and a person correcting colours
 * starts from the others.
 */
export const MEANINGFUL_COLOUR_SHARE = 0.1;

const COLOUR_NAME_LIST = COLOUR_NAMES.map((c) => c.name) as [ColourName, ...ColourName[]];
const distinct = (values: readonly string[]) => new Set(values).size === values.length;

/** Every pattern label that applies, the dominant one first. */
export const PatternCorrection = z
  .array(z.enum(PATTERN_LABELS))
  .min(1)
  .max(PATTERN_LABELS.length)
  .refine(distinct, 'a label is listed twice');
/** The colour names that describe the image, from the colour vocabulary. */
export const ColoursCorrection = z
  .array(z.enum(COLOUR_NAME_LIST))
  .min(1)
  .max(COLOUR_NAMES.length)
  .refine(distinct, 'a colour is listed twice');
/** One tile's size in original pixels; null when the design does not repeat. */
export const RepeatCorrection = z
  .object({ width: z.number().int().min(1).max(100_000), height: z.number().int().min(1).max(100_000) })
  .strict()
  .nullable();
export type RepeatSize = z.infer<typeof RepeatCorrection>;

export const CorrectionInput = z.discriminatedUnion('field', [
  z.object({ field: z.literal('pattern'), value: PatternCorrection }).strict(),
  z.object({ field: z.literal('colours'), value: ColoursCorrection }).strict(),
  z.object({ field: z.literal('repeat'), value: RepeatCorrection }).strict(),
]);
export type CorrectionInput = z.infer<typeof CorrectionInput>;

/**
 * One person's correction of what the local analyzer said, append-only like a ReviewDecision:
 * never changed, never deleted. Undo is a new record naming the records it takes back; the
 * latest standing `set` per field is what counts, over any local answer, old or new.
 */
export const LabelCorrection = z.object({
  id: z.string(),
  /** Corrections made by one action (a bulk label for a selection) share a batch, so one undo takes them all back. */
  batch: z.string(),
  at: z.number(),
  reviewer: z.string(),
  hash: z.string(),
  field: z.enum(CORRECTION_FIELDS),
  action: z.enum(['set', 'undo']),
  /** The person's value for `set`; null for undo. */
  value: z.unknown(),
  /** What the local analyzer said for this field when the person corrected it. */
  localValue: z.unknown(),
  /** That analyzer's version (ANALYZER_VERSION). */
  localVersion: z.string(),
  /** The value that counted before this record. */
  previous: z.unknown(),
  undoes: z.array(z.string()),
});
export type LabelCorrection = z.infer<typeof LabelCorrection>;

/** Pattern labels, colour names and repeat size: what the local analyzer said, or what a person made of it. */
export const LocalLabels = z.object({
  patterns: z.array(z.enum(PATTERN_LABELS)).min(1),
  colours: z.array(z.string()),
  repeat: RepeatCorrection,
});
export type LocalLabels = z.infer<typeof LocalLabels>;

/** Who set a field's standing correction. */
export const CorrectionStanding = z.object({ reviewer: z.string(), at: z.number(), batch: z.string() });

/** One asset's labels as the detail panel shows them: the local answer, what counts, who corrected what. */
export const AssetLabels = z.object({
  hash: z.string(),
  local: LocalLabels.extend({ confidence: z.number(), version: z.string() }),
  effective: LocalLabels,
  corrected: z.record(z.enum(CORRECTION_FIELDS), CorrectionStanding.nullable()),
  history: z.array(LabelCorrection),
});
export type AssetLabels = z.infer<typeof AssetLabels>;

/** The colour names of a palette that describe the image (accents below MEANINGFUL_COLOUR_SHARE left out). */
export function meaningfulColourNames(palette: readonly Pick<PaletteColour, 'name' | 'share'>[]): string[] {
  const names = palette.filter((c) => c.share >= MEANINGFUL_COLOUR_SHARE).map((c) => c.name.toLowerCase());
  return [...new Set(names)];
}

import { z } from 'zod';
import { REPEAT_SCALES } from '../vocabulary/attribute-vocabularies';

/** Bump when the attribute shape changes; stored with every analysis so old ones can be re-run selectively. */
export const ATTRIBUTE_SCHEMA_VERSION = 1;

const Confidence = z.number().min(0).max(1);
const Term = z.string().trim().min(1).max(60);
const Terms = (max: number) => z.array(Term).max(max);

/** A #rrggbb colour, stored lowercase; the message is what a model is told when it gets one wrong. */
export const HexColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'hex must look like #1a2b3c')
  .transform((h) => h.toLowerCase());

/** A colour as the model names it; hex is what the UI shows and colour search uses. */
export const NamedColour = z.object({ name: Term, hex: HexColour });
export type NamedColour = z.infer<typeof NamedColour>;

export const ATTRIBUTE_FIELDS = [
  'patternTypes',
  'motifs',
  'colours',
  'style',
  'repeatScale',
  'technique',
  'mood',
  'suitableProducts',
  'description',
  'keywords',
] as const;
export type AttributeField = (typeof ATTRIBUTE_FIELDS)[number];

/**
 * What a model says about one image: the same shape from every analyzer, validated with zod
 * on the way in. Vocabularies are documented in shared/vocabulary; free text is allowed
 * (short terms), because no list foresees every print.
 */
export const ModelAttributes = z.object({
  /** Multi-label, from the pattern vocabulary plus free text (e.g. "houndstooth"). */
  patternTypes: Terms(4).min(1),
  motifs: Terms(5),
  colours: z.array(NamedColour).min(1).max(6),
  /** Style or era, e.g. "art deco", "retro 1970s". */
  style: Term,
  repeatScale: z.enum(REPEAT_SCALES),
  /** Technique or print method, e.g. "screen print", "watercolour". */
  technique: Term,
  mood: Terms(3),
  suitableProducts: Terms(5),
  description: z.string().trim().min(1).max(200),
  keywords: Terms(8),
  confidence: z.object(
    Object.fromEntries(ATTRIBUTE_FIELDS.map((f) => [f, Confidence])) as Record<AttributeField, typeof Confidence>,
  ),
});
export type ModelAttributes = z.infer<typeof ModelAttributes>;

/** The overall confidence of a reply (the mean over fields): what escalation compares with its threshold. */
export function overallConfidence(attributes: ModelAttributes): number {
  return ATTRIBUTE_FIELDS.reduce((sum, f) => sum + attributes.confidence[f], 0) / ATTRIBUTE_FIELDS.length;
}

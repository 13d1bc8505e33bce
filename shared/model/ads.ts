import { z } from 'zod';
import { Box } from './asset';
import { HexColour } from './attributes';

/** The channel sizes a campaign can be rendered in (IAB and social formats). */
export const AD_FORMATS = [
  { id: 'square', label: '1:1', width: 1080, height: 1080 },
  { id: 'portrait', label: '4:5', width: 1080, height: 1350 },
  { id: 'story', label: '9:16', width: 1080, height: 1920 },
  { id: 'landscape', label: '1.91:1', width: 1200, height: 628 },
  { id: 'medium-rectangle', label: '300×250', width: 300, height: 250 },
  { id: 'leaderboard', label: '728×90', width: 728, height: 90 },
] as const;
export const AD_FORMAT_IDS = AD_FORMATS.map((f) => f.id) as [AdFormatId, ...AdFormatId[]];
export type AdFormatId = (typeof AD_FORMATS)[number]['id'];

export const THEMES = ['studio', 'seasonal', 'lifestyle', 'pattern'] as const;
export type Theme = (typeof THEMES)[number];

const Words = z.array(z.string().trim().min(1).max(80)).max(50);

/** What a brand allows and demands, checked on every text and colour of every variant. */
export const BrandRules = z.object({
  forbiddenWords: Words,
  /** Shown as fine print on every variant, and required to be there. */
  requiredDisclaimer: z.string().trim().max(160),
  /** Text and button colours must come from this list (empty: any colour). */
  allowedColours: z.array(HexColour).max(16),
  /** An Amazon Bedrock Guardrail applied to prompts sent for generation (optional). */
  guardrailId: z.string().trim().max(128),
  guardrailVersion: z.string().trim().max(16),
});
export type BrandRules = z.infer<typeof BrandRules>;

export const AdCopy = z.object({
  headline: z.string().trim().min(1).max(60),
  subline: z.string().trim().max(120),
  cta: z.string().trim().min(1).max(24),
});
export type AdCopy = z.infer<typeof AdCopy>;

export const SalientFeatures = z.object({
  productType: z.string().trim().min(1).max(60),
  materials: Words,
  colours: z.array(z.object({ name: z.string().max(40), hex: HexColour })).max(8),
  sellingPoints: Words,
  /** `local` (from the library's own analysis), a model id, or `edited`. */
  source: z.string(),
});
export type SalientFeatures = z.infer<typeof SalientFeatures>;

export const Concept = z.object({
  id: z.string(),
  theme: z.enum(THEMES),
  prompt: z.string().trim().min(1).max(1024),
  negativePrompt: z.string().trim().max(1024),
  /** Colours the background should follow (colour-guided generation; the local compositor's gradients). */
  palette: z.array(HexColour).max(10),
  /** For the pattern theme: the library pattern used as background. */
  patternHash: z.string().nullable(),
});
export type Concept = z.infer<typeof Concept>;

export const Campaign = z.object({
  id: z.string(),
  name: z.string().trim().min(1).max(80),
  productHash: z.string(),
  productName: z.string().trim().min(1).max(80),
  /** Claims and brand notes the copy and prompts must respect. */
  notes: z.string().max(1000),
  copy: AdCopy,
  brand: BrandRules,
  /** A library image used as the logo (its cut-out). */
  logoHash: z.string().nullable(),
  features: SalientFeatures.nullable(),
  concepts: z.array(Concept),
  formats: z.array(z.enum(AD_FORMAT_IDS)).min(1),
  /** Where the product is in the source image (original pixels) and whether the mask was corrected by hand. */
  cutout: z.object({ box: Box, edited: z.boolean(), method: z.enum(['local', 'bedrock']) }).nullable(),
  createdAt: z.number(),
});
export type Campaign = z.infer<typeof Campaign>;

/** A variant's render as a job (queued → generating → ready | failed | blocked, or cancelled); see variant-queue.ts. */
export const VARIANT_STATES = ['queued', 'generating', 'ready', 'failed', 'blocked', 'cancelled'] as const;
export type VariantState = (typeof VARIANT_STATES)[number];
export const VARIANT_REVIEWS = ['pending', 'approved', 'rejected'] as const;

export const AdVariant = z.object({
  id: z.string(),
  campaignId: z.string(),
  conceptId: z.string(),
  format: z.enum(AD_FORMAT_IDS),
  /** Which variant of this concept and format (1-based): names the exported file. */
  index: z.number().int().min(1),
  seed: z.number().int().min(0).max(2_147_483_646),
  /** `local` (the built-in compositor) or the image model id. */
  generator: z.string(),
  state: z.enum(VARIANT_STATES),
  /** Why it failed, or what the service's filter blocked. */
  error: z.string().nullable(),
  width: z.number().int(),
  height: z.number().int(),
  /** Product placement in the variant's pixels: always fully inside the canvas. */
  productBox: Box.nullable(),
  /** Lowest WCAG contrast ratio of the variant's text against the pixels behind it. */
  contrast: z.number().nullable(),
  /** Brand-rule problems found in the variant's text and colours (empty: clean). */
  guardrail: z.array(z.string()),
  prompt: z.string(),
  negativePrompt: z.string(),
  costUsd: z.number(),
  review: z.enum(VARIANT_REVIEWS),
  reviewer: z.string().nullable(),
  reviewedAt: z.number().nullable(),
  createdAt: z.number(),
});
export type AdVariant = z.infer<typeof AdVariant>;

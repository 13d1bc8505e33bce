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

export const SEASONS = ['winter', 'spring', 'summer', 'autumn'] as const;
export type Season = (typeof SEASONS)[number];

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
  /** A local TrueType/OpenType file for the headline and button, and one for body text (absent or '': system sans-serif). */
  headlineFont: z.string().trim().max(1024).optional(),
  bodyFont: z.string().trim().max(1024).optional(),
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
  /** For the lifestyle theme: a library photo, blurred, used as background. */
  photoHash: z.string().nullable().optional(),
  /** For the seasonal theme: the season drawn. */
  season: z.enum(SEASONS).nullable().optional(),
});
export type Concept = z.infer<typeof Concept>;

export const CUTOUT_CONFIDENCE = ['high', 'low', 'none'] as const;

/** How sure the product cut-out is; "low" and "none" need a person before ads are made (see cutout-quality.ts). */
export const CutoutQuality = z.object({
  confidence: z.enum(CUTOUT_CONFIDENCE),
  /** Share of the frame the product covers (0–1). */
  coverage: z.number(),
  /** Share of the cut-out's outline that follows an edge in the photo (0–1). */
  edgeAgreement: z.number(),
  /** How plain the background it was learnt from is (0–1). */
  backgroundUniformity: z.number(),
  /** What is wrong, in plain words (empty when confident). */
  problems: z.array(z.string()),
});
export type CutoutQuality = z.infer<typeof CutoutQuality>;

/**
 * How the product is taken from its photo: cut out automatically, by a model's background removal,
 * or the whole photo framed as it is (a lifestyle shot that cannot be cut out).
 */
export const CUTOUT_METHODS = ['local', 'bedrock', 'whole-photo'] as const;

export const CampaignCutout = z.object({
  /** Where the product is in the source image (original pixels). */
  box: Box,
  /** Corrected by brush. */
  edited: z.boolean(),
  method: z.enum(CUTOUT_METHODS),
  /** Null for cut-outs made before confidence was measured. */
  quality: CutoutQuality.nullable().default(null),
  /** A person looked at a low-confidence cut-out and chose to use it as it is. */
  confirmed: z.boolean().default(false),
});
export type CampaignCutout = z.infer<typeof CampaignCutout>;

/** What a marketer can do about a doubtful cut-out. */
export const CUTOUT_WAYS_FORWARD =
  'Brush the product in, remove the background with Nova Canvas (needs AWS credentials), ' +
  'use the whole photo as a framed lifestyle shot, or keep this cut-out as it is if it looks right.';

/**
 * Whether ads may be made from this cut-out, and if not why, in plain words. A confident automatic
 * cut-out, a model's, the whole photo, or one a person corrected or accepted is usable; an empty one never is.
 */
export function cutoutReadiness(cutout: CampaignCutout | null): { usable: boolean; reason: string | null } {
  if (!cutout) return { usable: false, reason: 'the campaign has no product cut-out yet' };
  const quality = cutout.quality ?? null;
  if (quality?.confidence === 'none')
    return { usable: false, reason: `${quality.problems.join('; ') || 'the cut-out is empty'}` };
  const personLooked = cutout.edited || (cutout.confirmed ?? false) || cutout.method !== 'local';
  if (quality?.confidence === 'low' && !personLooked)
    return { usable: false, reason: `the automatic cut-out is unsure: ${quality.problems.join('; ')}` };
  return { usable: true, reason: null };
}

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
  cutout: CampaignCutout.nullable(),
  createdAt: z.number(),
});
export type Campaign = z.infer<typeof Campaign>;

/** What the layout did so a text can be read: soften the busy background under it, lay a scrim, or a solid panel. */
export const TEXT_FIXES = ['blur', 'scrim', 'panel'] as const;
export type TextFix = (typeof TEXT_FIXES)[number];

/** How legible one text of a variant is, judged on the pixels behind it. */
export const TextLegibility = z.object({
  slot: z.enum(['headline', 'subline', 'disclaimer', 'cta']),
  /** Worst WCAG contrast against the darkest and lightest pixels behind it, after the fixes. */
  contrast: z.number(),
  /** Share of edge pixels behind it before any fix (stripes, detail): above 0.05 competes with the letters. */
  busyness: z.number(),
  fixes: z.array(z.enum(TEXT_FIXES)),
});
export type TextLegibility = z.infer<typeof TextLegibility>;

/** A variant rendered also as a short loop: what moves, how long, which files exist and why one may not. */
export const LiveRender = z.object({
  frames: z.number().int(),
  fps: z.number(),
  durationMs: z.number(),
  motion: z.array(z.string()),
  webp: z.boolean(),
  mp4: z.boolean(),
  /** Why there is no MP4 (e.g. no ffmpeg on this computer), in plain words. */
  mp4Problem: z.string().nullable(),
  /** Encodings that stayed over their channel's file-size budget. */
  overBudget: z.array(z.string()),
  /** Bytes of each file written. */
  webpBytes: z.number().int(),
  mp4Bytes: z.number().int().nullable(),
});
export type LiveRender = z.infer<typeof LiveRender>;

/** A video Amazon Nova Reel made from a variant's product photo and prompt (an asynchronous Bedrock job). */
export const ReelVideo = z.object({
  state: z.enum(['running', 'done', 'failed']),
  modelId: z.string(),
  /** The prompt actually sent. */
  prompt: z.string(),
  seconds: z.number(),
  costUsd: z.number(),
  /** Where the video stays in the user's bucket, once made. */
  s3Uri: z.string().nullable(),
  error: z.string().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type ReelVideo = z.infer<typeof ReelVideo>;

/** One round brush stroke, in the pixels of the image it is drawn on: `add` paints the region in, `remove` takes it out. */
export const BrushStroke = z.object({
  mode: z.enum(['add', 'remove']),
  radius: z.number().min(1).max(200),
  points: z
    .array(z.tuple([z.number(), z.number()]))
    .min(1)
    .max(5000),
});
export type BrushStroke = z.infer<typeof BrushStroke>;

/**
 * How a variant was derived from another: the image model repainting a region (`inpaint`) or the whole
 * scene "more like this one" (`variation`, at `similarity` 0.2–1), or the local compositor filling a
 * region from what surrounds it (`fill`) or painting it one `colour` (`recolour`). The product's pixels
 * are never part of the region. Which model and what it cost are the derived variant's own `generator`
 * and `costUsd`; the region's mask is a file beside its picture (campaign-files.ts).
 */
export const EDIT_KINDS = ['inpaint', 'variation', 'fill', 'recolour'] as const;
/** Brushed strokes; everything but the product, the copy, button and logo; or everything but the product. */
export const EDIT_REGIONS = ['strokes', 'background', 'all-but-product'] as const;
export const VariantEdit = z.object({
  kind: z.enum(EDIT_KINDS),
  /** What should be there, as the marketer typed it ('' or "remove": take away what is there). */
  prompt: z.string(),
  region: z.enum(EDIT_REGIONS),
  similarity: z.number().nullable(),
  /** The colour a recolour painted. */
  colour: HexColour.nullable(),
});
export type VariantEdit = z.infer<typeof VariantEdit>;

/** What the API takes to edit a variant (with its id); a variation, too, changes only the region of the scene it paints. */
export const VARIANT_EDIT_FIELDS = {
  region: z.union([
    z.enum(['background', 'all-but-product']),
    z.object({ strokes: z.array(BrushStroke).min(1).max(200) }).strict(),
  ]),
  prompt: z.string().trim().max(1024),
  generator: z.enum(['local', 'bedrock']),
  mode: z.enum(['inpaint', 'variation']).optional(),
  similarity: z.number().min(0.2).max(1).optional(),
};
export const VariantEditRequest = z.object(VARIANT_EDIT_FIELDS).strict();
export type VariantEditRequest = z.infer<typeof VariantEditRequest>;

/**
 * A variant's render as a job (queued → generating → ready | needs-attention | failed | blocked, or cancelled);
 * see variant-queue.ts. "needs-attention" is rendered but failed a check (product, legibility, brand): never "ready".
 */
export const VARIANT_STATES = [
  'queued',
  'generating',
  'ready',
  'needs-attention',
  'failed',
  'blocked',
  'cancelled',
] as const;
/** States with a picture a reviewer can look at and decide on. */
export const RENDERED_STATES: readonly VariantState[] = ['ready', 'needs-attention'];
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
  /** Why a rendered variant needs attention (product, legibility, brand), in plain words; empty when ready. */
  attention: z.array(z.string()).default([]),
  legibility: z.array(TextLegibility).default([]),
  /** What the local compositor actually drew (theme, season, motifs, library images), or null when a model painted it. */
  recipe: z.string().nullable().default(null),
  /** Library images used in the background (a pattern, a lifestyle photo), by hash. */
  backgroundAssets: z.array(z.string()).default([]),
  /** Asked to be rendered also as a live loop (animated WebP and MP4). */
  liveRequested: z.boolean().default(false),
  /** The live loop, once rendered (null: not asked for, or not rendered yet). */
  live: LiveRender.nullable().default(null),
  /** A Nova Reel video made from this variant's product and prompt, when asked for. */
  reel: ReelVideo.nullable().default(null),
  prompt: z.string(),
  negativePrompt: z.string(),
  costUsd: z.number(),
  review: z.enum(VARIANT_REVIEWS),
  reviewer: z.string().nullable(),
  reviewedAt: z.number().nullable(),
  createdAt: z.number(),
  /** The variant this one was edited from (null: generated from its concept). */
  parentId: z.string().nullable().default(null),
  edit: VariantEdit.nullable().default(null),
});
export type AdVariant = z.infer<typeof AdVariant>;

/** The ad studio's part of the API contract (see contract.ts): campaigns, cut-outs, variants, edits, exports. */
import { z } from 'zod';
import {
  AD_FORMAT_IDS,
  AdCopy,
  AdVariant,
  BrandRules,
  BrushStroke,
  Campaign,
  Concept,
  SalientFeatures,
  THEMES,
  VARIANT_EDIT_FIELDS,
} from '../model/ads';
import { ReviewerName } from '../model/review';
import { Hash, Id, Nothing, StreamId } from './contract-fields';

const GenerateInput = z
  .object({
    generator: z.enum(['local', 'bedrock']),
    count: z.number().int().min(1).max(8),
    conceptIds: z.array(Id).min(1).optional(),
    formats: z.array(z.enum(AD_FORMAT_IDS)).min(1).optional(),
    seed: z.number().int().min(0).max(2_000_000_000).optional(),
    /** Render each variant also as a 2–6 s loop (animated WebP, and MP4 when ffmpeg is available). */
    live: z.boolean().optional(),
  })
  .strict();

export const adsContract = {
  listCampaigns: { input: Nothing, output: z.array(Campaign) },
  getCampaign: {
    input: z.object({ id: Id }).strict(),
    output: z.object({ campaign: Campaign, variants: z.array(AdVariant) }),
  },
  /** Makes the product cut-out (locally), takes features from the library, and writes concepts for the themes. */
  createCampaign: {
    input: z
      .object({
        name: z.string().trim().min(1).max(80),
        productHash: Hash,
        productName: z.string().trim().min(1).max(80),
        notes: z.string().max(1000).default(''),
        copy: AdCopy,
        brand: BrandRules.optional(),
        formats: z.array(z.enum(AD_FORMAT_IDS)).min(1),
        themes: z.array(z.enum(THEMES)).min(1),
        logoHash: Hash.nullable().optional(),
      })
      .strict(),
    output: Campaign,
  },
  updateCampaign: {
    input: z
      .object({
        id: Id,
        patch: z
          .object({
            name: z.string().trim().min(1).max(80),
            productName: z.string().trim().min(1).max(80),
            notes: z.string().max(1000),
            copy: AdCopy,
            brand: BrandRules,
            formats: z.array(z.enum(AD_FORMAT_IDS)).min(1),
            concepts: z.array(Concept),
            features: SalientFeatures,
            logoHash: Hash.nullable(),
          })
          .partial()
          .strict(),
      })
      .strict(),
    output: Campaign,
  },
  deleteCampaign: { input: z.object({ id: Id }).strict(), output: z.object({ ok: z.literal(true) }) },
  rebuildConcepts: { input: z.object({ id: Id, themes: z.array(z.enum(THEMES)).min(1) }).strict(), output: Campaign },
  /** The product image (JPEG) and its cut-out mask (PNG) as data URLs at the mask's size, for correction. */
  getCutout: {
    input: z.object({ id: Id }).strict(),
    output: z.object({
      productDataUrl: z.string(),
      maskDataUrl: z.string(),
      width: z.number().int(),
      height: z.number().int(),
    }),
  },
  editCutout: {
    input: z.object({ id: Id, strokes: z.array(BrushStroke).min(1).max(200) }).strict(),
    output: Campaign,
  },
  /** A way forward from a doubtful cut-out: frame the whole photo, cut out automatically again, or keep this one. */
  chooseCutout: {
    input: z.object({ id: Id, use: z.enum(['whole-photo', 'automatic', 'as-is']) }).strict(),
    output: Campaign,
  },
  /** Nova Canvas background removal, for products on busy backgrounds (costs one image). */
  refineCutout: { input: z.object({ id: Id }).strict(), output: Campaign },
  /** The model's salient features of the product (costs one call). */
  describeProduct: { input: z.object({ id: Id, streamId: StreamId.optional() }).strict(), output: Campaign },
  estimateAds: {
    input: z.object({ id: Id, request: GenerateInput }).strict(),
    output: z.object({
      images: z.number().int(),
      costUsd: z.number(),
      spentThisMonthUsd: z.number(),
      budgetUsd: z.number(),
      modelId: z.string(),
    }),
  },
  generateAds: { input: z.object({ id: Id, request: GenerateInput }).strict(), output: z.array(AdVariant) },
  cancelAdVariants: { input: z.object({ id: Id }).strict(), output: z.object({ cancelled: z.number().int() }) },
  retryAdVariant: { input: z.object({ id: Id }).strict(), output: AdVariant },
  /** A new variant edited from a rendered one (a region repainted, filled or recoloured; or "more like this one"). */
  editAdVariant: { input: z.object({ id: Id, ...VARIANT_EDIT_FIELDS }).strict(), output: AdVariant },
  deleteAdVariant: { input: z.object({ id: Id }).strict(), output: z.object({ ok: z.literal(true) }) },
  reviewAdVariant: {
    input: z.object({ id: Id, decision: z.enum(['approved', 'rejected', 'pending']), reviewer: ReviewerName }).strict(),
    output: AdVariant,
  },
  /** Approved variants as files named campaign/format/variant, plus manifest.json. */
  exportAds: {
    input: z.object({ id: Id }).strict(),
    output: z.object({ folder: z.string(), files: z.array(z.string()), manifest: z.string() }),
  },
  /** Asks Amazon Nova Reel for a 6 s video of a rendered variant's product and prompt (billed per second; async). */
  makeReel: { input: z.object({ id: Id }).strict(), output: AdVariant },
  /** A variant's Nova Reel video (MP4) as a data URL. */
  variantReel: {
    input: z.object({ id: Id }).strict(),
    output: z.object({ dataUrl: z.string() }),
  },
  /** A variant's live loop as a data URL: the animated WebP (plays in an img) or the MP4. */
  variantLive: {
    input: z.object({ id: Id, format: z.enum(['webp', 'mp4']).default('webp') }).strict(),
    output: z.object({ dataUrl: z.string(), width: z.number().int(), height: z.number().int() }),
  },
  variantImage: {
    input: z.object({ id: Id, size: z.enum(['preview', 'full']).default('preview') }).strict(),
    output: z.object({ dataUrl: z.string(), width: z.number().int(), height: z.number().int() }),
  },
} as const;

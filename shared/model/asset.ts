import { z } from 'zod';
import { PATTERN_LABELS, STRIPE_ORIENTATIONS } from '../vocabulary/pattern-labels';

/** Who produced an attribute: `local` or a model id, plus that producer's version. */
export const AttributeOrigin = z.object({ source: z.string(), version: z.string() });
export type AttributeOrigin = z.infer<typeof AttributeOrigin>;

export const PaletteColour = z.object({
  hex: z.string().regex(/^#[0-9a-f]{6}$/),
  name: z.string(),
  share: z.number().min(0).max(1),
  /** OKLab coordinates, kept so colour search needs no conversion at query time. */
  lab: z.tuple([z.number(), z.number(), z.number()]),
});
export type PaletteColour = z.infer<typeof PaletteColour>;

export const Repeat = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Horizontal shift of each row of tiles (half-drop / brick), in original pixels. */
  offsetX: z.number().int().default(0),
  score: z.number().min(0).max(1),
});
export type Repeat = z.infer<typeof Repeat>;

export const PatternAttribute = z.object({
  label: z.enum(PATTERN_LABELS),
  /** Every label that applies, the dominant one (= `label`) first; absent on older analyses, which mean `[label]`. */
  labels: z.array(z.enum(PATTERN_LABELS)).min(1).optional(),
  confidence: z.number().min(0).max(1),
  solid: z.boolean(),
  repeat: Repeat.nullable(),
  stripeOrientation: z.enum(STRIPE_ORIENTATIONS).nullable(),
  checks: z.boolean(),
  dots: z.boolean(),
});
export type PatternAttribute = z.infer<typeof PatternAttribute>;

/** What one analyzer said about one raster (a whole image, a segment or a tile). */
export const LocalAnalysis = AttributeOrigin.extend({
  palette: z.array(PaletteColour),
  pattern: PatternAttribute,
  /** 0..1, a Hasler–Süsstrunk style colourfulness, for sorting. */
  colourfulness: z.number(),
});
export type LocalAnalysis = z.infer<typeof LocalAnalysis>;

export const Box = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
});
export type Box = z.infer<typeof Box>;

export const Segment = z.object({
  /** Crop in original-image pixels. */
  box: Box,
  analysis: LocalAnalysis,
});
export type Segment = z.infer<typeof Segment>;

export const ImageMetadata = z.object({
  width: z.number().int(),
  height: z.number().int(),
  format: z.string(),
  space: z.string(),
  dpi: z.number().nullable(),
  hasAlpha: z.boolean(),
  pages: z.number().int(),
});
export type ImageMetadata = z.infer<typeof ImageMetadata>;

export const AssetLocation = z.object({
  path: z.string(),
  fileSize: z.number().int(),
  mtimeMs: z.number(),
});
export type AssetLocation = z.infer<typeof AssetLocation>;

export const REVIEW_STATUSES = ['unreviewed', 'accepted', 'rejected'] as const;

export const Asset = z.object({
  /** SHA-256 of the file's bytes: identical bytes under two paths are one asset. */
  hash: z.string(),
  metadata: ImageMetadata,
  locations: z.array(AssetLocation),
  analysis: LocalAnalysis,
  /** Analysis of native-resolution tiles of very large images (empty otherwise). */
  tiles: z.array(Segment),
  segments: z.array(Segment),
  /** 64-bit DCT perceptual hash, 16 hex digits. */
  phash: z.string().regex(/^[0-9a-f]{16}$/),
  /** Compact "more like this" vector (colour histogram + texture statistics), unit length. */
  vector: z.array(z.number()),
  tags: z.array(z.string()),
  status: z.enum(REVIEW_STATUSES),
  addedAt: z.number(),
});
export type Asset = z.infer<typeof Asset>;

/** A file the library saw but could not ingest, with the reason shown to the user. */
/**
 * A file that could not be read. `file`: the file itself is at fault (corrupt, unsupported, too large) and
 * stays failed until it changes; `environment`: the machine failed (a share timed out, no file handles),
 * and the file is read again at the next scan.
 */
export const FileError = z.object({
  path: z.string(),
  reason: z.string(),
  at: z.number(),
  kind: z.enum(['file', 'environment']).default('file'),
});
export type FileError = z.infer<typeof FileError>;

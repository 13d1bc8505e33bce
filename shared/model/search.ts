import { z } from 'zod';
import { PATTERN_LABELS } from '../vocabulary/pattern-labels';
import { REVIEW_STATUSES } from './asset';

export const ORIENTATIONS = ['landscape', 'portrait', 'square'] as const;
export const SORT_KEYS = ['date', 'name', 'colourfulness', 'similarity'] as const;
/**
 * 'all': every filter must hold. 'ranked' (a sentence typed into search): its parts need not all
 * hold; images matching any of them rank by how many they match, and negated words still exclude.
 */
export const MATCH_MODES = ['all', 'ranked'] as const;

export const ColourNear = z.object({
  hex: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Maximum perceptual distance, in ΔE OK units ×100 (≈ ΔE2000 scale): 10 is close, 25 is loose. */
  tolerance: z.number().min(1).max(100).default(12),
});
export type ColourNear = z.infer<typeof ColourNear>;

/** Every filter is optional and all are combined with AND; values within one facet with OR. */
export const SearchQuery = z.object({
  text: z.string().max(500).optional(),
  patterns: z.array(z.enum(PATTERN_LABELS)).optional(),
  colours: z.array(z.string().max(40)).optional(),
  folders: z.array(z.string().max(4096)).optional(),
  formats: z.array(z.string().max(20)).optional(),
  orientations: z.array(z.enum(ORIENTATIONS)).optional(),
  statuses: z.array(z.enum(REVIEW_STATUSES)).optional(),
  tags: z.array(z.string().max(200)).optional(),
  /** Collection ids: assets in any of them. */
  collections: z.array(z.string().max(64)).optional(),
  colourNear: ColourNear.optional(),
  /** Images a model answered for whose id has one of these words ("haiku" finds every Haiku's answers). */
  answeredBy: z.array(z.string().trim().toLowerCase().min(1).max(200)).max(20).optional(),
  /** Images no model with one of these words in its id answered ("not by Haiku"). */
  notAnsweredBy: z.array(z.string().trim().toLowerCase().min(1).max(200)).max(20).optional(),
  /** Images whose model answers (those of `answeredBy`'s models, when given) average a confidence below this. */
  maxConfidence: z.number().min(0).max(1).optional(),
  /** Added at or after this time (ms since 1970). */
  addedAfter: z.number().int().min(0).optional(),
  /** Added before this time (ms since 1970). */
  addedBefore: z.number().int().min(0).optional(),
  /** Added outside this range ("nothing from last week"): before `after`, or at or after `before`. */
  addedOutside: z
    .object({ after: z.number().int().min(0).optional(), before: z.number().int().min(0).optional() })
    .optional(),
  /** Orders by similarity to this asset (and implies sort "similarity" unless another is given). */
  similarTo: z.string().max(128).optional(),
  /**
   * In 'ranked' mode the positive text words, statuses, orientations, formats, models, confidence and
   * dates are parts to rank by (the filters a sentence makes); patterns, colours, tags, folders and collections picked in the
   * facets still must hold.
   */
  match: z.enum(MATCH_MODES).optional(),
  sort: z.enum(SORT_KEYS).default('date'),
  order: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type SearchQuery = z.input<typeof SearchQuery>;
export type ParsedSearchQuery = z.output<typeof SearchQuery>;

export const AssetSummary = z.object({
  hash: z.string(),
  path: z.string(),
  name: z.string(),
  width: z.number(),
  height: z.number(),
  format: z.string(),
  pattern: z.enum(PATTERN_LABELS),
  palette: z.array(z.object({ hex: z.string(), name: z.string(), share: z.number() })),
  status: z.enum(REVIEW_STATUSES),
  tags: z.array(z.string()),
  addedAt: z.number(),
  /** Set when the query sorts by similarity or colour: smaller is closer. */
  distance: z.number().optional(),
  /** In a 'ranked' search: how many of its parts the image matched (of SearchResult.parts). */
  matched: z.number().int().optional(),
});
export type AssetSummary = z.infer<typeof AssetSummary>;

export const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof FacetCount>;

export const FACET_NAMES = ['pattern', 'colour', 'folder', 'format', 'orientation', 'status', 'tag'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/** The query field a facet's selected values go to (the engine counts by facet, the URL stores the same names). */
export const FACET_QUERY_FIELDS = {
  pattern: 'patterns',
  colour: 'colours',
  folder: 'folders',
  format: 'formats',
  orientation: 'orientations',
  status: 'statuses',
  tag: 'tags',
} as const satisfies Record<FacetName, keyof SearchQuery>;

export const SearchResult = z.object({
  total: z.number().int(),
  items: z.array(AssetSummary),
  /** In a 'ranked' search: how many parts there were to match. */
  parts: z.number().int().optional(),
  /** Counts per value, each computed with every other active filter applied (multi-select faceting). */
  facets: z.record(z.enum(FACET_NAMES), z.array(FacetCount)),
});
export type SearchResult = z.infer<typeof SearchResult>;

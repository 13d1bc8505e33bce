/**
 * Documented vocabularies for model-extracted attributes (see README, "AI attributes").
 * Models are asked to prefer these terms; free text is allowed where a field says so,
 * because a print library always holds something no list foresaw.
 */
export const MOTIFS = [
  'floral',
  'botanical',
  'paisley',
  'geometric',
  'abstract',
  'animal',
  'animal print',
  'bird',
  'insect',
  'marine',
  'fruit',
  'food',
  'landscape',
  'toile',
  'damask',
  'ikat',
  'folk',
  'tribal',
  'novelty',
  'celestial',
  'text/typography',
  'none',
] as const;

export const STYLES = [
  'traditional',
  'contemporary',
  'minimalist',
  'art nouveau',
  'art deco',
  'mid-century',
  'retro 1970s',
  'bohemian',
  'scandinavian',
  'japanese',
  'victorian',
  'tropical',
  'cottagecore',
  'maximalist',
  'kids',
] as const;

export const REPEAT_SCALES = ['none', 'small', 'medium', 'large'] as const;

export const TECHNIQUES = [
  'digital print',
  'screen print',
  'block print',
  'watercolour',
  'hand drawn',
  'vector',
  'photographic',
  'woven',
  'knitted',
  'embroidered',
  'batik',
  'tie-dye',
  'collage',
  'painterly',
] as const;

export const MOODS = [
  'calm',
  'playful',
  'bold',
  'elegant',
  'romantic',
  'earthy',
  'fresh',
  'dark',
  'festive',
  'vintage',
] as const;

export const PRODUCTS = [
  'apparel',
  'dresses',
  'shirts',
  'swimwear',
  'childrenswear',
  'scarves',
  'bedding',
  'curtains',
  'upholstery',
  'wallpaper',
  'cushions',
  'table linen',
  'stationery',
  'gift wrap',
  'packaging',
  'tiles',
  'rugs',
] as const;

import { z } from 'zod';
import { REVIEW_STATUSES } from './asset';
import { ORIENTATIONS, type ColourNear, type SearchQuery } from './search';

/** What a part of a sentence was taken to mean. */
export const QUERY_PART_KINDS = [
  'pattern',
  'colour',
  'attribute',
  'status',
  'orientation',
  'format',
  'model',
  'confidence',
  'date',
  /** "like this": images like the one open or selected (the value is its hash). */
  'like',
  /** "but warmer": near that image's main colour moved that way (the value is the colour sought, #rrggbb). */
  'shift',
] as const;

/** One part of an interpreted sentence, shown as a chip the user can remove. */
export const QueryPart = z.object({
  kind: z.enum(QUERY_PART_KINDS),
  /**
   * The vocabulary's value: a pattern label, a colour name, a motif or style, a review status…; a
   * word of model ids; a confidence from 0 to 1; an ISO 8601 interval of when added ("2026-11-30T…Z/").
   */
  value: z.string(),
  /** The words of the sentence it came from, as searched ("florals", "sky blue"). */
  words: z.string(),
  /** "no stripes": images with it are left out. */
  negated: z.boolean(),
});
export type QueryPart = z.infer<typeof QueryPart>;

/** A sentence typed into search, as the structured query the facets use. */
export const SearchInterpretation = z.object({
  sentence: z.string(),
  parts: z.array(QueryPart),
  /** Words that meant nothing to the interpreter: not searched for, and said so. */
  ignored: z.array(z.string()),
  /** Which interpreter answered: the built-in one (offline), or a model (its id). */
  by: z.enum(['local', 'model']),
  modelId: z.string().nullable(),
  /** Why a model was not asked or its answer not used, when the built-in reading left words over; else null. */
  note: z.string().nullable(),
});
export type SearchInterpretation = z.infer<typeof SearchInterpretation>;

/**
 * The query the parts make: patterns, colours and attributes as words (a phrase of several in
 * quotes) that count towards the ranking or, negated, must not match, each through the vocabulary;
 * statuses, orientations and formats as facet filters; models, confidence and dates as the answers'
 * and added-time filters (a model or a date excluded: images no such model answered, added outside it);
 * "like this" as similarity, a shifted colour as colour-near. Ranked: images matching more parts come
 * first. Built from the parts, so removing a chip is removing its part.
 */
export function queryOfParts(parts: readonly QueryPart[]): SearchQuery & { colourNear?: Required<ColourNear> } {
  const words = parts
    .filter((part) => part.kind === 'pattern' || part.kind === 'colour' || part.kind === 'attribute')
    .map((part) => (part.negated ? negatedWords(part) : wordsOf(part)));
  const facet = <T extends string>(kind: QueryPart['kind'], allowed: readonly T[]) => {
    const values = parts.filter((p) => p.kind === kind && !p.negated).map((p) => p.value as T);
    return values.length > 0 ? values.filter((v) => allowed.includes(v)) : undefined;
  };
  const formats = parts.filter((p) => p.kind === 'format' && !p.negated).map((p) => p.value);
  const models = parts.filter((p) => p.kind === 'model' && !p.negated).map((p) => p.value);
  const confidences = parts
    .filter((p) => p.kind === 'confidence' && !p.negated)
    .map((p) => Number(p.value))
    .filter(Number.isFinite);
  const dates = parts.filter((p) => p.kind === 'date' && !p.negated).map((p) => rangeOfInterval(p.value));
  const notModels = parts.filter((p) => p.kind === 'model' && p.negated).map((p) => p.value);
  const notDate = parts.find((p) => p.kind === 'date' && p.negated);
  const like = parts.findLast((p) => p.kind === 'like' && !p.negated)?.value;
  // Shifts compose ("warmer and lighter"): each part's colour already includes the ones before it.
  const shifted = parts.findLast((p) => p.kind === 'shift' && !p.negated)?.value;
  const after = Math.max(...dates.map((range) => range.after ?? -Infinity));
  const before = Math.min(...dates.map((range) => range.before ?? Infinity));
  return {
    ...(words.length > 0 && { text: words.join(' ') }),
    ...(facet('status', REVIEW_STATUSES) && { statuses: facet('status', REVIEW_STATUSES) }),
    ...(facet('orientation', ORIENTATIONS) && { orientations: facet('orientation', ORIENTATIONS) }),
    ...(formats.length > 0 && { formats }),
    ...(models.length > 0 && { answeredBy: models }),
    ...(confidences.length > 0 && { maxConfidence: Math.min(...confidences) }),
    // Several dates ("since March", "last 30 days") narrow to when they overlap.
    ...(Number.isFinite(after) && { addedAfter: after }),
    ...(Number.isFinite(before) && { addedBefore: before }),
    ...(notModels.length > 0 && { notAnsweredBy: notModels }),
    ...(notDate && { addedOutside: rangeOfInterval(notDate.value) }),
    ...(like && { similarTo: like }),
    ...(shifted && { colourNear: { hex: shifted, tolerance: SHIFT_TOLERANCE } }),
    ...(parts.length > 0 && { match: 'ranked' as const }),
  };
}

/** How near a shifted colour an image's colours must come: looser than a picked colour, as the words are. */
const SHIFT_TOLERANCE = 20;

/** An ISO 8601 interval ("2026-11-30T00:00:00.000Z/") as times, an empty end open. */
export function rangeOfInterval(interval: string): { after?: number; before?: number } {
  const [after, before] = interval.split('/').map((end) => (end ? Date.parse(end) : NaN));
  return { ...(Number.isFinite(after) && { after }), ...(Number.isFinite(before) && { before }) };
}

/** A colour of two words is one concept ("sky blue"); an attribute of several is one phrase. */
function wordsOf(part: QueryPart): string {
  return part.kind === 'attribute' && /\s/.test(part.words) ? `"${part.words}"` : part.words;
}

/** A colour of two words is one concept ("-sky blue"); any other phrase excludes each of its words. */
function negatedWords(part: QueryPart): string {
  if (part.kind === 'colour') return `-${part.words}`;
  return part.words
    .split(/\s+/)
    .map((word) => `-${word}`)
    .join(' ');
}

import { z } from 'zod';
import { REVIEW_STATUSES } from './asset';
import { ORIENTATIONS, type SearchQuery } from './search';

/** What a part of a sentence was taken to mean. */
export const QUERY_PART_KINDS = ['pattern', 'colour', 'attribute', 'status', 'orientation', 'format'] as const;

/** One part of an interpreted sentence, shown as a chip the user can remove. */
export const QueryPart = z.object({
  kind: z.enum(QUERY_PART_KINDS),
  /** The vocabulary's value: a pattern label, a colour name, a motif or style, a review status… */
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
 * The query the parts make: patterns, colours and attributes as words that must (or, negated, must
 * not) match, each through the vocabulary, so "mustard teal" needs both; statuses, orientations and
 * formats as facet filters. Built from the parts, so removing a chip is removing its part.
 */
export function queryOfParts(parts: readonly QueryPart[]): SearchQuery {
  const words = parts
    .filter((part) => part.kind === 'pattern' || part.kind === 'colour' || part.kind === 'attribute')
    .map((part) => (part.negated ? negatedWords(part) : part.words));
  const facet = <T extends string>(kind: QueryPart['kind'], allowed: readonly T[]) => {
    const values = parts.filter((p) => p.kind === kind && !p.negated).map((p) => p.value as T);
    return values.length > 0 ? values.filter((v) => allowed.includes(v)) : undefined;
  };
  const formats = parts.filter((p) => p.kind === 'format' && !p.negated).map((p) => p.value);
  return {
    ...(words.length > 0 && { text: words.join(' ') }),
    ...(facet('status', REVIEW_STATUSES) && { statuses: facet('status', REVIEW_STATUSES) }),
    ...(facet('orientation', ORIENTATIONS) && { orientations: facet('orientation', ORIENTATIONS) }),
    ...(formats.length > 0 && { formats }),
  };
}

/** A colour of two words is one concept ("-sky blue"); any other phrase excludes each of its words. */
function negatedWords(part: QueryPart): string {
  if (part.kind === 'colour') return `-${part.words}`;
  return part.words
    .split(/\s+/)
    .map((word) => `-${word}`)
    .join(' ');
}

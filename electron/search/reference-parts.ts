/**
 * "Something like this but warmer": the image open or selected when the sentence is searched is the
 * reference. "like this" ranks by similarity to it; "warmer", "lighter", "more muted" (and the like) ask
 * for images near its main colour moved that way. Without a reference these words cannot mean anything,
 * and the interpreter says so.
 */
import type { QueryPart } from '../../shared/model/natural-search';
import { shiftColour, type ColourShift } from '../pixels/colour-shift';

export interface SearchReference {
  hash: string;
  /** Its main colour, #rrggbb. */
  colour: string;
}

const LIKE_OBJECTS = new Set(['this', 'that', 'it', 'these', 'those', 'one']);
const SHIFT_WORDS: Record<string, ColourShift> = {
  warmer: 'warmer',
  cooler: 'cooler',
  colder: 'cooler',
  lighter: 'lighter',
  paler: 'lighter',
  darker: 'darker',
  deeper: 'darker',
  brighter: 'brighter',
  bolder: 'brighter',
  duller: 'muted',
  softer: 'muted',
  muted: 'muted',
};
/** Comparatives of two words: "more colourful", "more muted". */
const MORE_WORDS: Record<string, ColourShift> = {
  colourful: 'brighter',
  colorful: 'brighter',
  vivid: 'brighter',
  saturated: 'brighter',
  muted: 'muted',
  subdued: 'muted',
};

/** What the words at `i` say about the reference, and how many words they take; null when they say nothing of it. */
export function referencePhraseAt(
  tokens: readonly string[],
  i: number,
): { kind: 'like'; length: number } | { kind: 'shift'; shift: ColourShift; length: number } | null {
  const [word, next] = [tokens[i], tokens[i + 1]];
  const like = likePhraseLength(tokens, i);
  if (like) return { kind: 'like', length: like };
  if (word === 'more' && MORE_WORDS[next]) return { kind: 'shift', shift: MORE_WORDS[next], length: 2 };
  if (SHIFT_WORDS[word]) return { kind: 'shift', shift: SHIFT_WORDS[word], length: 1 };
  return null;
}

/** "like this", "more like this", "similar to that", each with an optional "one": how many words, or 0. */
function likePhraseLength(tokens: readonly string[], i: number): number {
  const lead = tokens[i] === 'like' ? 1 : tokens[i] === 'more' && tokens[i + 1] === 'like' ? 2 : 0;
  const to = tokens[i] === 'similar' && tokens[i + 1] === 'to' ? 2 : 0;
  const start = lead || to;
  if (!start || !LIKE_OBJECTS.has(tokens[i + start])) return 0;
  return start + 1 + (tokens[i + start] !== 'one' && tokens[i + start + 1] === 'one' ? 1 : 0);
}

/** The part a phrase makes with a reference; `colour` is the colour earlier shifts reached, so they compose. */
export function referencePart(
  phrase: NonNullable<ReturnType<typeof referencePhraseAt>>,
  words: string,
  reference: SearchReference,
  colour: string,
): QueryPart {
  if (phrase.kind === 'like') return { kind: 'like', value: reference.hash, words, negated: false };
  return { kind: 'shift', value: shiftColour(colour, phrase.shift), words, negated: false };
}

export const NO_REFERENCE_NOTE =
  '“like this”, “warmer” and the like need an image to start from: open or select one, then search again.';

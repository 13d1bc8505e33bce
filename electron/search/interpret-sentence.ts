/**
 * The built-in interpreter of a sentence typed into search ("red polka dots on cream, no stripes",
 * "unreviewed navy florals in portrait"): patterns and colours through the search vocabulary (plural
 * and -ed/-y forms, plaid and gingham, grey and gray, reddish), motifs, styles, moods, products and
 * techniques from the model vocabularies, review states, orientations and file formats, which model
 * answered ("Haiku answers"), low confidence ("uncertain", "confidence below 50%") and when images
 * were added ("from last week", "since March", relative to `now`); "no", "not", "without", "except"
 * exclude what follows up to a comma. Words it does not know are returned as ignored, not searched
 * for: the user sees them and can rephrase.
 */
import { MOODS, MOTIFS, PRODUCTS, STYLES, TECHNIQUES } from '../../shared/vocabulary/attribute-vocabularies';
import type { QueryPart, SearchInterpretation } from '../../shared/model/natural-search';
import { namedConcept } from '../store';
import { dateRangeAt, intervalOf } from './sentence-dates';
import { NO_REFERENCE_NOTE, referencePart, referencePhraseAt, type SearchReference } from './reference-parts';

const NEGATIONS = new Set(['no', 'not', 'nothing', 'without', 'except', 'excluding', 'minus', 'nor']);
/** Words that carry no filter: "something for a summer dress" keeps "summer" and "dress" only. */
const STOP_WORDS = new Set(
  (
    'a an the and or but with in on of for to by from at as is are be my our me show find get give all any ' +
    'some something anything things thing designs design prints print patterns pattern images image pictures ' +
    'picture photos files file ones one that this these those which what i want need looking like please ' +
    'colour color colours colors coloured colored tone tones shade shades bit very really mostly mainly mix ' +
    'light dark pale deep bright soft muted answers answer answered analysed analyzed model models'
  ).split(' '),
);
const STATUS_WORDS: Record<string, readonly string[]> = {
  unreviewed: ['unreviewed'],
  pending: ['unreviewed'],
  unchecked: ['unreviewed'],
  accepted: ['accepted'],
  approved: ['accepted'],
  rejected: ['rejected'],
  reviewed: ['accepted', 'rejected'],
};
const ORIENTATION_WORDS: Record<string, string> = {
  portrait: 'portrait',
  tall: 'portrait',
  vertical: 'portrait',
  landscape: 'landscape',
  wide: 'landscape',
  horizontal: 'landscape',
  square: 'square',
};
const FORMAT_WORDS: Record<string, string> = {
  png: 'png',
  pngs: 'png',
  jpeg: 'jpeg',
  jpg: 'jpeg',
  jpegs: 'jpeg',
  jpgs: 'jpeg',
  tiff: 'tiff',
  tif: 'tiff',
  webp: 'webp',
  gif: 'gif',
  svg: 'svg',
};
/** Words of model ids ("anthropic.claude-3-5-haiku…"): an image answered by any model whose id has the word. */
const MODEL_WORDS = new Set(['haiku', 'sonnet', 'opus', 'claude', 'nova', 'llama', 'mistral', 'titan']);
/** Below this mean confidence an answer is "low confidence" or "uncertain". */
const LOW_CONFIDENCE = 0.6;
const UNCERTAIN_WORDS = new Set(['uncertain', 'unsure', 'doubtful']);

/** Model vocabulary terms, longest first so "animal print" is taken before "animal". */
const ATTRIBUTES = [...MOTIFS, ...STYLES, ...MOODS, ...PRODUCTS, ...TECHNIQUES]
  .filter((term) => term !== 'none' && !term.includes('/'))
  .map((term) => term.toLowerCase().split(/\s+/))
  .sort((a, b) => b.length - a.length);

export function interpretSentence(
  sentence: string,
  now = Date.now(),
  reference?: SearchReference,
): SearchInterpretation {
  const tokens = sentence.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*|[,;.]/gu) ?? [];
  const parts: QueryPart[] = [];
  const ignored: string[] = [];
  let negated = false;
  let colour = reference?.colour;
  let unanchored = false;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i];
    if (/^[,;.]$/.test(token)) {
      negated = false;
      i++;
      continue;
    }
    if (NEGATIONS.has(token)) {
      negated = true;
      i++;
      continue;
    }
    const phrase = referencePhraseAt(tokens, i);
    if (phrase) {
      const words = tokens.slice(i, i + phrase.length).join(' ');
      if (reference && colour) {
        const part = referencePart(phrase, words, reference, colour);
        if (part.kind === 'shift') colour = part.value;
        parts.push(part);
      } else {
        ignored.push(words);
        unanchored = true;
      }
      i += phrase.length;
      continue;
    }
    const found = partAt(tokens, i, negated) ?? answerPartAt(tokens, i, negated, now);
    if (found) {
      for (const part of found.parts) if (!parts.some((p) => samePart(p, part))) parts.push(part);
      i += found.length;
      continue;
    }
    if (!STOP_WORDS.has(token)) ignored.push(token);
    i++;
  }
  return { sentence, parts, ignored, by: 'local', modelId: null, note: unanchored ? NO_REFERENCE_NOTE : null };
}

/** The part(s) the words at `i` name, and how many words they take. */
function partAt(tokens: readonly string[], i: number, negated: boolean): { parts: QueryPart[]; length: number } | null {
  const token = tokens[i];
  const pair = i + 1 < tokens.length && !/^[,;.]$/.test(tokens[i + 1]) ? `${token} ${tokens[i + 1]}` : null;
  const concept = (pair && namedConcept(pair)) || namedConcept(token) || namedConcept(withoutIsh(token));
  if (concept) {
    const length = pair && namedConcept(pair) ? 2 : 1;
    const words = length === 2 ? pair! : namedConcept(token) ? token : withoutIsh(token);
    return { parts: [{ kind: concept.kind, value: concept.value, words, negated }], length };
  }
  const facet = facetPart(token, negated);
  if (facet !== undefined) return facet && { parts: facet, length: 1 };
  // After orientations: "landscape" is more often the shape asked for than the motif.
  const attribute = ATTRIBUTES.find((term) => term.every((word, k) => tokens[i + k] === word));
  if (!attribute) return null;
  const words = attribute.join(' ');
  return { parts: [{ kind: 'attribute', value: words, words, negated }], length: attribute.length };
}

/** Which model answered (or did not), how confidently, and when images were added (or were not). */
function answerPartAt(
  tokens: readonly string[],
  i: number,
  negated: boolean,
  now: number,
): { parts: QueryPart[]; length: number } | null {
  // A model or a date can be excluded ("not by Haiku", "nothing from last week"); low confidence cannot.
  const taken = (kind: QueryPart['kind'], value: string, length: number) =>
    negated && kind === 'confidence'
      ? null
      : { parts: [{ kind, value, words: tokens.slice(i, i + length).join(' '), negated }], length };
  const [word, next, third] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (MODEL_WORDS.has(word)) return taken('model', word, 1);
  if (UNCERTAIN_WORDS.has(word)) return taken('confidence', String(LOW_CONFIDENCE), 1);
  if ((word === 'low' || word === 'lower') && next === 'confidence')
    return taken('confidence', String(LOW_CONFIDENCE), 2);
  const percent = Number(third);
  if (word === 'confidence' && (next === 'below' || next === 'under') && percent > 0 && percent <= 100)
    return taken('confidence', String(percent > 1 ? percent / 100 : percent), 3);
  const dated = dateRangeAt(tokens, i, now);
  return dated && taken('date', intervalOf(dated.range), dated.length);
}

/** A review status, orientation or format word; null when negated (not a filter the library has); undefined for other words. */
function facetPart(token: string, negated: boolean): QueryPart[] | null | undefined {
  const part = (kind: QueryPart['kind'], values: readonly string[]) =>
    values.map((value) => ({ kind, value, words: token, negated }));
  const found = STATUS_WORDS[token]
    ? part('status', STATUS_WORDS[token])
    : ORIENTATION_WORDS[token]
      ? part('orientation', [ORIENTATION_WORDS[token]])
      : FORMAT_WORDS[token]
        ? part('format', [FORMAT_WORDS[token]])
        : undefined;
  if (found && negated) return null;
  return found;
}

/** "reddish" → "red", "bluish" → "blue", "greenish" → "green". */
function withoutIsh(word: string): string {
  if (!word.endsWith('ish') || word.length < 6) return word;
  const stem = word.slice(0, -3);
  if (namedConcept(stem)) return stem;
  if (namedConcept(`${stem}e`)) return `${stem}e`;
  // Doubled consonants: reddish → red.
  return stem.length > 2 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : stem;
}

function samePart(a: QueryPart, b: QueryPart): boolean {
  return a.kind === b.kind && a.value === b.value && a.negated === b.negated;
}

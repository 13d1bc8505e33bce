/**
 * Words of the text search mapped onto the pattern and colour vocabularies, so "red dots",
 * "dots red", "striped navy", "checked" and "polka dot" find what a person means.
 *
 * An asset's words (file and folder names, tags, its pattern labels and colour names as
 * corrected, else the local analyzer's, and the model words search may use) are reduced once,
 * at indexing, to a bit set of concepts: one bit per pattern label and per colour name. A query
 * word that names a concept matches through that bit set only, never as a substring, so "red"
 * does not match "tired.png" and a colour below the meaningful share (a 2 % speck) is never
 * among the asset's words. Any other word matches as a substring of the asset's text, as before.
 * Every query word must match (AND); a word written with a leading minus ("-stripes") must not;
 * words in double quotes (`"art deco"`) match as one phrase.
 */
import { COLOUR_NAMES, type ColourName } from '../../../shared/vocabulary/colour-names';
import { PATTERN_LABELS, type PatternLabel } from '../../../shared/vocabulary/pattern-labels';

const CONCEPTS: readonly string[] = [
  ...PATTERN_LABELS.map((label) => `pattern:${label}`),
  ...COLOUR_NAMES.map((colour) => `colour:${colour.name}`),
];
/** The concepts in bit order: an index saved with another order means other things by its bits. */
export const CONCEPT_VOCABULARY = CONCEPTS.join(',');
/** 32-bit words per asset in a concept bit set. */
export const CONCEPT_WORDS = Math.ceil(CONCEPTS.length / 32);
const CONCEPT_INDEX = new Map(CONCEPTS.map((concept, i) => [concept, i]));

/**
 * The forms people write for each label: plurals, -ed/-y adjectives and the common names of
 * kinds (plaid, gingham and tartan are checks; polka and spots are dots). A table rather than a
 * stemmer, because a stemmer would also fold "check" (verb) and "dotty" into unrelated words.
 */
const PATTERN_WORDS: Record<PatternLabel, readonly string[]> = {
  solid: ['solid', 'solids', 'plain', 'plains'],
  stripes: ['stripe', 'stripes', 'striped', 'stripy', 'stripey', 'pinstripe', 'pinstripes', 'pinstriped'],
  checks: [
    'check',
    'checks',
    'checked',
    'checker',
    'checkered',
    'checkerboard',
    'chequer',
    'chequered',
    'plaid',
    'plaids',
    'tartan',
    'tartans',
    'gingham',
    'houndstooth',
  ],
  dots: ['dot', 'dots', 'dotted', 'dotty', 'polka', 'pindot', 'pindots', 'spot', 'spots', 'spotted', 'spotty'],
  geometric: ['geometric', 'geometrics', 'geo'],
  'floral/organic': ['floral', 'florals', 'flower', 'flowers', 'flowered', 'flowery', 'botanical', 'organic'],
  texture: ['texture', 'textures', 'textured', 'textural'],
  gradient: ['gradient', 'gradients', 'ombre', 'ombré'],
  'photo/other': ['photo', 'photos', 'photograph', 'photographic'],
};

/** Spellings outside the vocabulary that mean one of its colours. */
const COLOUR_SYNONYMS: Readonly<Record<string, ColourName>> = {
  gray: 'grey',
  grey: 'grey',
  'sky-blue': 'sky blue',
  skyblue: 'sky blue',
  violet: 'purple',
};

/**
 * A basic colour word in a query also matches the vocabulary's shades of it ("blue" finds navy
 * and cobalt), while a shade matches only itself ("navy" does not find sky blue).
 */
const COLOUR_FAMILIES: Partial<Record<ColourName, readonly ColourName[]>> = {
  red: ['burgundy'],
  pink: ['magenta', 'coral'],
  orange: ['rust', 'coral'],
  yellow: ['mustard'],
  green: ['olive', 'lime', 'mint', 'sage', 'forest'],
  blue: ['cobalt', 'navy', 'sky blue'],
  purple: ['plum', 'lavender'],
  brown: ['chocolate', 'tan'],
  grey: ['charcoal', 'silver'],
  white: ['cream'],
};

/** A word or two-word phrase → the concept it names. */
const WORD_CONCEPT = new Map<string, number>();
for (const label of PATTERN_LABELS) {
  for (const word of PATTERN_WORDS[label]) WORD_CONCEPT.set(word, CONCEPT_INDEX.get(`pattern:${label}`)!);
}
for (const { name } of COLOUR_NAMES) WORD_CONCEPT.set(name, CONCEPT_INDEX.get(`colour:${name}`)!);
for (const [word, name] of Object.entries(COLOUR_SYNONYMS))
  WORD_CONCEPT.set(word, CONCEPT_INDEX.get(`colour:${name}`)!);

/** One word of a query: a concept mask (any bit matches), or text to find as a substring; `negated`: must not match. */
export interface SearchWord {
  text: string;
  concepts: Uint32Array | null;
  negated: boolean;
}

/**
 * The words of a query, lowercased; two words that name one colour ("sky blue") are one word, and
 * a minus before the first ("-sky blue") excludes the pair. Words in double quotes are one phrase.
 */
export function parseSearchWords(query: string): SearchWord[] {
  const raw = (query.toLowerCase().match(/-?"[^"]*"|\S+/g) ?? []).filter((word) => word !== '-');
  const words: SearchWord[] = [];
  for (let i = 0; i < raw.length; i++) {
    const negated = raw[i].startsWith('-');
    const first = negated ? raw[i].slice(1) : raw[i];
    const phrase = /^"(.*)"$/s.exec(first)?.[1].trim();
    if (phrase !== undefined) {
      const concept = WORD_CONCEPT.get(phrase);
      if (phrase) words.push({ text: phrase, concepts: concept === undefined ? null : maskOf(concept), negated });
      continue;
    }
    const pair = i + 1 < raw.length ? WORD_CONCEPT.get(`${bare(first)} ${bare(raw[i + 1])}`) : undefined;
    if (pair !== undefined) {
      words.push({ text: `${first} ${raw[++i]}`, concepts: maskOf(pair), negated });
      continue;
    }
    const concept = WORD_CONCEPT.get(bare(first));
    words.push({ text: first, concepts: concept === undefined ? null : maskOf(concept), negated });
  }
  return words;
}

/** What a word or two-word phrase of the vocabulary names: a pattern label or a colour name; null for anything else. */
export function namedConcept(phrase: string): { kind: 'pattern' | 'colour'; value: string } | null {
  const concept = WORD_CONCEPT.get(bare(phrase.toLowerCase()));
  if (concept === undefined) return null;
  const [kind, value] = CONCEPTS[concept].split(/:(.*)/s);
  return { kind: kind as 'pattern' | 'colour', value };
}

/** Sets the bits of every concept named in `text` (lowercase), line by line so a phrase never spans two sources. */
export function addConcepts(text: string, bits: Uint32Array, offset: number): void {
  for (const line of text.split('\n')) for (const concept of conceptsOfLine(line)) setBit(bits, offset, concept);
}

/** Lines this short are model words and labels, which repeat across a library (paths are longer and do not). */
const REPEATING_LINE = 40;
const MAX_REMEMBERED_LINES = 20_000;
const rememberedLines = new Map<string, readonly number[]>();

/** The concepts a line names; a short line's are remembered, so opening a large library tokenises each once. */
function conceptsOfLine(line: string): readonly number[] {
  const remembered = rememberedLines.get(line);
  if (remembered) return remembered;
  const concepts: number[] = [];
  const tokens = line.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const concept = WORD_CONCEPT.get(tokens[i]);
    if (concept !== undefined) concepts.push(concept);
    const pair = i + 1 < tokens.length ? WORD_CONCEPT.get(`${tokens[i]} ${tokens[i + 1]}`) : undefined;
    if (pair !== undefined) concepts.push(pair);
  }
  if (line.length <= REPEATING_LINE) {
    if (rememberedLines.size >= MAX_REMEMBERED_LINES) rememberedLines.clear();
    rememberedLines.set(line, concepts);
  }
  return concepts;
}

/** Whether the bit set at `offset` has any of the mask's concepts. */
export function hasAnyConcept(bits: Uint32Array, offset: number, mask: Uint32Array): boolean {
  for (let i = 0; i < CONCEPT_WORDS; i++) if ((bits[offset + i] & mask[i]) !== 0) return true;
  return false;
}

/** A query word's concept with its family of shades. */
function maskOf(concept: number): Uint32Array {
  const mask = new Uint32Array(CONCEPT_WORDS);
  setBit(mask, 0, concept);
  const name = CONCEPTS[concept].replace(/^colour:/, '') as ColourName;
  for (const shade of COLOUR_FAMILIES[name] ?? []) setBit(mask, 0, CONCEPT_INDEX.get(`colour:${shade}`)!);
  return mask;
}

function setBit(bits: Uint32Array, offset: number, concept: number): void {
  bits[offset + (concept >>> 5)] |= 1 << (concept & 31);
}

/** A query word without the punctuation around it ("red," → "red"). */
function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

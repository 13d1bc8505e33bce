import type { ParsedSearchQuery } from '../../../shared/model';
import type { AssetIndex } from '../asset-index';
import type { Filter } from './search-filters';

/** The model answers as memory keeps their heads (the store's analysis state). */
export interface AnswerHeads {
  /** Goes up whenever an answer is put in. */
  readonly answersVersion: number;
  forEachHead(visit: (hash: string, modelId: string, confidence: number) => void): void;
}

/** Per slot: how many answers by the models asked for, and the sum of their confidences. */
interface AnswerTally {
  key: string;
  answered: Uint16Array;
  confidenceSum: Float64Array;
}

/**
 * The last tallies per index, by the models asked for: a search refined or paged asks again for the same
 * models over unchanged answers (and one sentence may ask for some models and exclude others).
 */
const lastTallies = new WeakMap<AssetIndex, Map<string, AnswerTally>>();
const KEPT_TALLIES = 4;

/**
 * Filters on the model answers an image has: which model answered (a word of its id, so "haiku"
 * finds every Haiku's answers) and how confident those answers were on average. Tallied from the
 * answer heads in memory, never from the records, and kept until the answers or the assets change.
 */
export function answerFilters(
  index: AssetIndex,
  query: ParsedSearchQuery,
  answers: AnswerHeads | null,
  ranked: boolean,
): Filter[] {
  const filters: Filter[] = [];
  const excluded = query.notAnsweredBy ?? [];
  if (excluded.length > 0) {
    const { answered } = tally(index, excluded, answers);
    // An exclusion must hold, in a ranked search too.
    filters.push({ facet: null, test: (slot) => answered[slot] === 0 });
  }
  const words = query.answeredBy ?? [];
  const maxConfidence = query.maxConfidence;
  if (words.length === 0 && maxConfidence === undefined) return filters;
  const { answered, confidenceSum } = tally(index, words, answers);
  if (words.length > 0) filters.push({ facet: null, ranked, test: (slot) => answered[slot] > 0 });
  if (maxConfidence !== undefined) {
    const test = (slot: number) => answered[slot] > 0 && confidenceSum[slot] / answered[slot] < maxConfidence;
    filters.push({ facet: null, ranked, test });
  }
  return filters;
}

function tally(index: AssetIndex, words: readonly string[], answers: AnswerHeads | null): AnswerTally {
  const key = `${answers?.answersVersion}\n${index.pathsVersion}\n${words.join('\n')}`;
  const kept = lastTallies.get(index) ?? new Map<string, AnswerTally>();
  lastTallies.set(index, kept);
  const known = kept.get(key);
  if (known) return known;
  const fromAskedModel = new Map<string, boolean>();
  const answered = new Uint16Array(index.slotCount);
  const confidenceSum = new Float64Array(index.slotCount);
  answers?.forEachHead((hash, modelId, confidence) => {
    const slot = index.slotOf(hash);
    if (slot === undefined) return;
    let asked = fromAskedModel.get(modelId);
    if (asked === undefined) {
      const id = modelId.toLowerCase();
      asked = words.length === 0 || words.some((word) => id.includes(word));
      fromAskedModel.set(modelId, asked);
    }
    if (!asked) return;
    answered[slot]++;
    confidenceSum[slot] += confidence;
  });
  const made = { key, answered, confidenceSum };
  if (kept.size >= KEPT_TALLIES) kept.delete(kept.keys().next().value!);
  kept.set(key, made);
  return made;
}

/** Added within [addedAfter, addedBefore); and, an exclusion that must hold, not within `addedOutside`. */
export function dateFilters(index: AssetIndex, query: ParsedSearchQuery, ranked: boolean): Filter[] {
  const { addedAt } = index;
  const filters: Filter[] = [];
  if (query.addedAfter !== undefined || query.addedBefore !== undefined) {
    const after = query.addedAfter ?? -Infinity;
    const before = query.addedBefore ?? Infinity;
    filters.push({ facet: null, ranked, test: (slot) => addedAt[slot] >= after && addedAt[slot] < before });
  }
  if (query.addedOutside) {
    const after = query.addedOutside.after ?? -Infinity;
    const before = query.addedOutside.before ?? Infinity;
    filters.push({ facet: null, test: (slot) => addedAt[slot] < after || addedAt[slot] >= before });
  }
  return filters;
}

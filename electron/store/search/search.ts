import {
  FACET_NAMES,
  FACET_QUERY_FIELDS,
  SearchQuery,
  type AssetSummary,
  type FacetCount,
  type FacetName,
  type ParsedSearchQuery,
  type SearchResult,
} from '../../../shared/model';
import { MULTI_FACETS, SINGLE_FACETS, type AssetIndex } from '../asset-index';
import type { AnswerHeads } from './answer-filters';
import { buildFilters, type Filter } from './search-filters';
import { similarities } from './similarity';
import { rankedRange } from './top-k';

type SortMode = 'date' | 'name' | 'colourfulness' | 'similarity' | 'colour';
type FacetCounts = Record<FacetName, Int32Array>;

/** Resolves collection ids to the hashes they hold (collections live outside the asset index). */
export type CollectionMembers = (ids: readonly string[]) => ReadonlySet<string>;

/** `answers`: the model answers' heads, for searches by model and confidence (without them, none match). */
export function runSearch(
  index: AssetIndex,
  input: SearchQuery,
  collectionMembers?: CollectionMembers,
  answers?: AnswerHeads,
): SearchResult {
  const query = SearchQuery.parse(input);
  const colourScores = query.colourNear ? new Float64Array(index.slotCount) : null;
  const members = query.collections?.length && collectionMembers ? collectionMembers(query.collections) : null;
  const filters = buildFilters(index, query, colourScores, members, answers ?? null);
  const found = scan(index, filters);
  // Not ranked, every match matched everything asked: no count to rank by or report.
  const ranked = query.match === 'ranked' ? found.partsMatched : null;
  const mode = sortMode(input, query);
  return {
    total: found.matches.length,
    items:
      mode === 'name'
        ? pageByName(index, found.matches, ranked, query)
        : pageByKey(index, found.matches, ranked, mode, query, colourScores),
    facets: facetResults(index, found.counts, query),
    ...(ranked && { parts: filters.filter((filter) => filter.ranked).length }),
  };
}

/**
 * One pass over all slots, counting each asset's failed filters. Zero failures is a match
 * (counted in every facet); exactly one failure, on facet F, still counts towards F: that
 * is multi-select faceting (F's counts ignore F's own selection) without a pass per facet.
 * Ranked parts never fail an asset; an asset matching none of them (when there are some) is no match.
 */
function scan(
  index: AssetIndex,
  filters: readonly Filter[],
): { matches: Int32Array; partsMatched: Uint16Array; counts: FacetCounts } {
  const counts = Object.fromEntries(
    FACET_NAMES.map((f) => [f, new Int32Array(index.dictionaries[f].values.length)]),
  ) as FacetCounts;
  const countOne = Object.fromEntries([
    ...SINGLE_FACETS.map((f) => [f, (slot: number) => counts[f][index.single[f][slot]]++]),
    ...MULTI_FACETS.map((f) => [f, (slot: number) => countCodes(index.multi[f][slot], counts[f])]),
  ]) as Record<FacetName, (slot: number) => void>;
  const required = filters.filter((filter) => !filter.ranked);
  const parts = filters.filter((filter) => filter.ranked);
  const matchesAPart = (count: number) => parts.length === 0 || count > 0;
  const matches = new Int32Array(index.size);
  const partsMatched = new Uint16Array(index.size);
  let found = 0;
  for (let slot = 0; slot < index.slotCount; slot++) {
    if (index.assets[slot] === undefined) continue;
    let failures = 0;
    let failedFacet: FacetName | null = null;
    for (let i = 0; i < required.length && failures < 2; i++) {
      if (required[i].test(slot)) continue;
      failures++;
      failedFacet = required[i].facet;
    }
    if (failures > 1 || (failures === 1 && failedFacet === null)) continue;
    let count = 0;
    for (let i = 0; i < parts.length; i++) if (parts[i].test(slot)) count++;
    if (!matchesAPart(count)) continue;
    if (failures === 1) countOne[failedFacet!](slot);
    else {
      partsMatched[found] = count;
      matches[found++] = slot;
    }
  }
  const matched = matches.subarray(0, found);
  // Column by column over the matches: each loop reads one array, which the JIT keeps tight.
  for (const f of SINGLE_FACETS) countSingle(index.single[f], matched, counts[f]);
  for (const f of MULTI_FACETS) countMulti(index.multi[f], matched, counts[f]);
  return { matches: matched, partsMatched: partsMatched.subarray(0, found), counts };
}

function countSingle(column: Uint16Array, slots: Int32Array, into: Int32Array): void {
  for (let i = 0; i < slots.length; i++) into[column[slots[i]]]++;
}

function countMulti(codesBySlot: readonly (readonly number[])[], slots: Int32Array, into: Int32Array): void {
  for (let i = 0; i < slots.length; i++) countCodes(codesBySlot[slots[i]], into);
}

function countCodes(codes: readonly number[], into: Int32Array): void {
  for (let i = 0; i < codes.length; i++) into[codes[i]]++;
}

/** Colour or similarity ranking is implied by the query unless a sort is asked for explicitly. */
function sortMode(input: SearchQuery, query: ParsedSearchQuery): SortMode {
  if (input.sort !== undefined && input.sort !== 'similarity') return input.sort;
  if (query.similarTo !== undefined) return 'similarity';
  return query.colourNear ? 'colour' : 'date';
}

/**
 * Walks the maintained name order, keeping matches, until the page is full; ranked, once per count
 * of parts matched, most first.
 */
function pageByName(
  index: AssetIndex,
  matches: Int32Array,
  partsMatched: Uint16Array | null,
  query: ParsedSearchQuery,
): AssetSummary[] {
  // Per slot: 0 for no match, else 1 + the parts it matched.
  const level = new Uint16Array(index.slotCount);
  let most = 1;
  matches.forEach((slot, i) => {
    level[slot] = 1 + (partsMatched?.[i] ?? 0);
    most = Math.max(most, level[slot]);
  });
  const order = index.nameOrder.slots(() => index.liveSlots());
  const wanted = query.offset + query.limit;
  const page: AssetSummary[] = [];
  const ascending = query.order === 'asc';
  let seen = 0;
  for (let wantedLevel = most; wantedLevel >= 1 && seen < wanted; wantedLevel--) {
    for (let i = 0; i < order.length && seen < wanted; i++) {
      const slot = order[ascending ? i : order.length - 1 - i];
      if (level[slot] !== wantedLevel) continue;
      if (seen++ >= query.offset) page.push(withParts(index.summary(slot), partsMatched && wantedLevel - 1));
    }
  }
  return page;
}

/** Sorts by a number per match; for similarity and colour the summaries carry 1 − closeness. */
function pageByKey(
  index: AssetIndex,
  matches: Int32Array,
  partsMatched: Uint16Array | null,
  mode: Exclude<SortMode, 'name'>,
  query: ParsedSearchQuery,
  colourScores: Float64Array | null,
): AssetSummary[] {
  const values = sortValues(index, matches, mode, query, colourScores);
  const sign = query.order === 'asc' ? 1 : -1;
  // Non-finite values (a NaN colourfulness) rank last in either order.
  const keys = values.map((v) => (Number.isFinite(v) ? sign * v : Number.MAX_VALUE));
  if (partsMatched) partsFirst(keys, partsMatched);
  const page = rankedRange(keys, query.offset, query.offset + query.limit);
  const closeness = mode === 'similarity' || mode === 'colour';
  return page.map((i) =>
    withParts(index.summary(matches[i], closeness ? Math.max(0, 1 - values[i]) : undefined), partsMatched?.[i] ?? null),
  );
}

/**
 * Keys that order by parts matched (most first), then by the key as it was: each key scaled into
 * [0, 1) above minus its count, so one quickselect still ranks the page.
 */
function partsFirst(keys: Float64Array, partsMatched: Uint16Array): void {
  let low = Infinity;
  let high = -Infinity;
  for (const key of keys) {
    if (key === Number.MAX_VALUE) continue;
    low = Math.min(low, key);
    high = Math.max(high, key);
  }
  const range = high > low ? high - low : 1;
  for (let i = 0; i < keys.length; i++) {
    // Unranked keys (NaN colourfulness) stay after the ranked ones of their count.
    const within = keys[i] === Number.MAX_VALUE ? 0.75 : (0.5 * (keys[i] - low)) / range;
    keys[i] = within - partsMatched[i];
  }
}

function withParts(summary: AssetSummary, matched: number | null): AssetSummary {
  return matched === null ? summary : { ...summary, matched };
}

function sortValues(
  index: AssetIndex,
  matches: Int32Array,
  mode: Exclude<SortMode, 'name'>,
  query: ParsedSearchQuery,
  colourScores: Float64Array | null,
): Float64Array {
  if (mode === 'similarity') {
    const source = query.similarTo === undefined ? undefined : index.slotOf(query.similarTo);
    return source === undefined ? new Float64Array(matches.length) : similarities(index, source, matches);
  }
  const column = mode === 'date' ? index.addedAt : mode === 'colourfulness' ? index.colourfulness : colourScores;
  const values = new Float64Array(matches.length);
  if (column) for (let i = 0; i < matches.length; i++) values[i] = column[matches[i]];
  return values;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Values present in the results, plus selected ones (so a selection never disappears). */
function facetResults(index: AssetIndex, counts: FacetCounts, query: ParsedSearchQuery): SearchResult['facets'] {
  const result = {} as SearchResult['facets'];
  for (const name of FACET_NAMES) {
    const selected = new Set((query[FACET_QUERY_FIELDS[name]] as string[] | undefined) ?? []);
    const values: FacetCount[] = [];
    index.dictionaries[name].values.forEach((value, code) => {
      const count = counts[name][code] ?? 0;
      if (count > 0 || selected.has(value)) values.push({ value, count });
    });
    result[name] = values.sort((a, b) => b.count - a.count || compareText(a.value, b.value));
  }
  return result;
}

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIENTATIONS, REVIEW_STATUSES, SORT_KEYS, type SearchQuery } from '../../../../shared/model';
import { PATTERN_LABELS } from '../../../../shared/vocabulary/pattern-labels';
import type { LibraryStore } from '../../../../electron/store';
import { rankedRange, smallestK } from '../../../../electron/store/search/top-k';
import { makeSyntheticAssets } from '../synthetic-assets';
import { openTempStore } from '../temp-store';

/** Strings a user (or an attacker) might type: regex syntax, unicode, separators, nulls. */
const hostile = (maxLength: number) =>
  fc
    .oneof(
      fc.string({ maxLength }),
      fc.string({ unit: 'grapheme', maxLength }),
      fc.constantFrom(
        '.*',
        '(',
        '[a-',
        '\\',
        '$&',
        '../..',
        'C:\\',
        '/',
        '\u0000',
        '__proto__',
        'constructor',
        'navy  floral',
      ),
    )
    // Within the schema's limits (counted in UTF-16 units), possibly splitting a surrogate pair.
    .map((s) => s.slice(0, maxLength));

const query: fc.Arbitrary<SearchQuery> = fc.record(
  {
    text: hostile(500),
    patterns: fc.array(fc.constantFrom(...PATTERN_LABELS), { maxLength: 3 }),
    colours: fc.array(hostile(40), { maxLength: 3 }),
    folders: fc.array(fc.oneof(hostile(100), fc.constantFrom('/library/prints', '/library')), { maxLength: 3 }),
    formats: fc.array(hostile(20), { maxLength: 2 }),
    orientations: fc.array(fc.constantFrom(...ORIENTATIONS), { maxLength: 3 }),
    statuses: fc.array(fc.constantFrom(...REVIEW_STATUSES), { maxLength: 3 }),
    tags: fc.array(fc.oneof(hostile(200), fc.constantFrom('summer', 'kids')), { maxLength: 3 }),
    colourNear: fc.record({
      hex: fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
      tolerance: fc.double({ min: 1, max: 100, noNaN: true }),
    }),
    similarTo: fc.oneof(hostile(128), fc.constant('h00000003')),
    sort: fc.constantFrom(...SORT_KEYS),
    order: fc.constantFrom('asc' as const, 'desc' as const),
    offset: fc.integer({ min: 0, max: 500 }),
    limit: fc.integer({ min: 1, max: 1000 }),
  },
  { requiredKeys: [] },
);

describe('search with hostile queries', () => {
  let store: LibraryStore;

  beforeAll(async () => {
    ({ store } = await openTempStore());
    store.addFolder('/library/prints');
    for (const asset of makeSyntheticAssets(300, 7)) store.recordAsset(asset.locations[0], asset);
  });

  it('never throws, and total always covers the page', () => {
    fc.assert(
      fc.property(query, (q) => {
        const result = store.search(q);
        expect(result.total).toBeGreaterThanOrEqual(result.items.length);
        expect(result.items.length).toBeLessThanOrEqual(q.limit ?? 100);
      }),
      { numRuns: 300 },
    );
  });
});

/** Key lists with many ties (small integers) and with any doubles, infinities included. */
const keyLists = fc.oneof(
  fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 400 }),
  fc.array(fc.double({ noNaN: true }), { maxLength: 400 }),
);

/** Every position, sorted by key, ties by position: what the top-k functions must agree with. */
const sortedPositions = (keys: number[]) =>
  keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));

describe('smallestK', () => {
  it('equals sorting everything (ties by position) and taking the first k', () => {
    fc.assert(
      fc.property(keyLists, fc.nat(450), (keys, k) => {
        expect(smallestK(Float64Array.from(keys), k)).toEqual(sortedPositions(keys).slice(0, k));
      }),
      { numRuns: 500 },
    );
  });
});

describe('rankedRange', () => {
  it('equals sorting everything (ties by position) and taking the slice', () => {
    fc.assert(
      fc.property(keyLists, fc.nat(450), fc.nat(120), (keys, from, length) => {
        const expected = sortedPositions(keys).slice(from, from + length);
        expect(rankedRange(Float64Array.from(keys), from, from + length)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../../electron/store';
import { parseSearchWords } from '../../../electron/store/search/search-words';
import type { SearchQuery } from '../../../shared/model/search';
import { makeAsset, type AssetSpec } from '../store/synthetic-assets';
import { openTempStore } from '../store/temp-store';

/** Named so that name order and date order disagree with the number of parts each matches. */
const ASSETS: AssetSpec[] = [
  { hash: 'a', path: '/lib/a-navy-dots.jpg', pattern: 'dots', palette: [['navy', 1]], addedAt: 1 },
  { hash: 'b', path: '/lib/b-navy-stripes.jpg', pattern: 'stripes', palette: [['navy', 1]], addedAt: 2 },
  { hash: 'c', path: '/lib/c-red-dots.jpg', pattern: 'dots', palette: [['red', 1]], addedAt: 3, status: 'accepted' },
  { hash: 'd', path: '/lib/d-red-stripes.jpg', pattern: 'stripes', palette: [['red', 1]], addedAt: 4 },
  { hash: 'e', path: '/lib/e-grey.jpg', pattern: 'solid', palette: [['grey', 1]], addedAt: 5 },
];

let store: LibraryStore;
beforeEach(async () => {
  ({ store } = await openTempStore());
  store.addFolder('/lib');
  for (const spec of ASSETS) store.recordAsset({ path: spec.path, fileSize: 1, mtimeMs: 1 }, makeAsset(spec));
});

const ranked = (query: SearchQuery) =>
  store.search({ ...query, match: 'ranked' }).items.map((item) => `${item.hash}${item.matched}`);

describe('a ranked search', () => {
  it('shows what matches any part, most parts first, then in the order asked for', () => {
    const query = { text: 'navy dots', statuses: ['unreviewed' as const] };
    // Newest first among equals: e and d only unreviewed, c only dots.
    expect(ranked(query)).toEqual(['a3', 'b2', 'e1', 'd1', 'c1']);
    expect(ranked({ ...query, sort: 'name', order: 'asc' })).toEqual(['a3', 'b2', 'c1', 'd1', 'e1']);
    expect(ranked({ ...query, sort: 'name', order: 'asc', offset: 1, limit: 2 })).toEqual(['b2', 'c1']);
    expect(ranked({ ...query, offset: 2, limit: 2 })).toEqual(['e1', 'd1']);
    expect(store.search({ ...query, match: 'ranked' })).toMatchObject({ total: 5, parts: 3 });
  });

  it('still leaves out what is excluded and what the facets picked do not hold', () => {
    expect(ranked({ text: 'navy dots -stripes' })).toEqual(['a2', 'c1']);
    expect(ranked({ text: 'navy dots', patterns: ['stripes'] })).toEqual(['b1']);
  });

  it('counts every match when nothing is asked but exclusions', () => {
    expect(ranked({ text: '-stripes' })).toEqual(['e0', 'c0', 'a0']);
  });
});

describe('a phrase in double quotes', () => {
  it('is one word of the search, a concept when the vocabulary names it', () => {
    const words = parseSearchWords('"art deco" -"Sky Blue" dots ""');
    expect(words.map(({ text, negated, concepts }) => [text, negated, concepts !== null])).toEqual([
      ['art deco', false, false],
      ['sky blue', true, true],
      ['dots', false, true],
    ]);
  });
});

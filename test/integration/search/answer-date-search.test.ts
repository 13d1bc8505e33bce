import { beforeEach, describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../../electron/store';
import { searchBySentence } from '../../../electron/search';
import type { SearchQuery } from '../../../shared/model/search';
import { makeAsset } from '../../unit/store/synthetic-assets';
import { openTempStore } from '../../unit/store/temp-store';
import { answer, HAIKU, SONNET } from '../review/review-fixture';

const NOW = new Date(2026, 11, 7, 15, 30).getTime();
const daysAgo = (days: number) => NOW - days * 86_400_000;

let store: LibraryStore;
beforeEach(async () => {
  ({ store } = await openTempStore());
  store.addFolder('/lib');
  const added = { a: daysAgo(10), b: daysAgo(3), c: daysAgo(1), d: daysAgo(2) };
  for (const [hash, addedAt] of Object.entries(added))
    store.recordAsset(
      { path: `/lib/${hash}.jpg`, fileSize: 1, mtimeMs: 1 },
      makeAsset({ hash, path: `/lib/${hash}.jpg`, addedAt }),
    );
  // a: Haiku unsure; b: Sonnet unsure; c: Haiku sure and Sonnet unsure; d: no answer.
  store.analysis.recordModelAnalysis({ ...answer('a', HAIKU), confidence: 0.4 });
  store.analysis.recordModelAnalysis({ ...answer('b', SONNET), confidence: 0.5 });
  store.analysis.recordModelAnalysis({ ...answer('c', HAIKU), confidence: 0.9 });
  store.analysis.recordModelAnalysis({ ...answer('c', SONNET), confidence: 0.3 });
});

const found = (query: SearchQuery) =>
  store
    .search(query)
    .items.map((item) => item.hash)
    .sort();

describe('search by the model answers an image has, and by when it was added', () => {
  it('finds images a model answered, by a word of its id', () => {
    expect(found({ answeredBy: ['haiku'] })).toEqual(['a', 'c']);
    expect(found({ answeredBy: ['sonnet', 'nova'] })).toEqual(['b', 'c']);
    expect(found({ answeredBy: ['claude'] })).toEqual(['a', 'b', 'c']);
  });

  it('finds images whose answers average a low confidence, those of the models named when there are', () => {
    // c's answers average 0.6: not below.
    expect(found({ maxConfidence: 0.6 })).toEqual(['a', 'b']);
    expect(found({ answeredBy: ['haiku'], maxConfidence: 0.6 })).toEqual(['a']);
    expect(found({ answeredBy: ['sonnet'], maxConfidence: 0.6 })).toEqual(['b', 'c']);
  });

  it('finds images added within a range', () => {
    expect(found({ addedAfter: daysAgo(3), addedBefore: daysAgo(1) })).toEqual(['b', 'd']);
    expect(found({ addedAfter: daysAgo(2) })).toEqual(['c', 'd']);
  });

  it('leaves out images a model answered, or added within a range, when a sentence excludes them', () => {
    expect(found({ notAnsweredBy: ['haiku'] })).toEqual(['b', 'd']);
    expect(found({ answeredBy: ['sonnet'], notAnsweredBy: ['haiku'] })).toEqual(['b']);
    expect(found({ addedOutside: { after: daysAgo(3), before: daysAgo(1) } })).toEqual(['a', 'c']);
    // Ranked, an exclusion still must hold: c is by Sonnet too, but also by Haiku, and was added yesterday.
    const sonnet = (sentence: string) => searchBySentence(store, sentence, 10, NOW).hits.map((hit) => hit.asset.hash);
    expect(sonnet('Sonnet answers').sort()).toEqual(['b', 'c']);
    expect(sonnet('Sonnet answers, not Haiku')).toEqual(['b']);
    expect(sonnet('Sonnet answers, nothing from yesterday')).toEqual(['b']);
  });

  it('ranks a sentence’s matches by how many of its parts they match, newest first among equals', () => {
    const result = searchBySentence(store, 'Haiku answers with low confidence from last week', 10, NOW);
    expect(result.interpretation.parts.map((part) => part.kind)).toEqual(['model', 'confidence', 'date']);
    expect(result.parts).toBe(3);
    // a: Haiku, unsure, too old; c: Haiku, sure, recent; b and d: recent only.
    expect(result.hits.map((hit) => [hit.asset.hash, hit.matched])).toEqual([
      ['c', 2],
      ['a', 2],
      ['d', 1],
      ['b', 1],
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { searchBySentence } from '../../../electron/search';
import { tempDirs } from '../../support/temp-dirs';
import { writeSentenceLibrary, type KnownImage } from './sentence-library';
import { has, is, QUERIES } from './sentence-queries';

const dirs = tempDirs();
let engine: Engine;
let known: KnownImage[];
beforeAll(async () => {
  const root = await dirs.make('sentence-library-');
  known = await writeSentenceLibrary(root);
  engine = await Engine.open({ dataDir: await dirs.make('sentence-data-') });
  await engine.library.addFolder(root);
  await engine.library.idle();
}, 120_000);
afterAll(async () => {
  await engine?.close();
  await dirs.cleanup();
});

const nameOf = (path: string) => path.split(/[\\/]/).at(-1)!;

describe('search in words', () => {
  it(`finds what ${QUERIES.length} sentences ask for in a library of known images (precision@10)`, () => {
    expect(engine.store.stats().assets).toBe(known.length);
    const rows = QUERIES.map(([sentence, answers]) => {
      const relevant = new Set(known.filter(answers).map((k) => k.name));
      const result = searchBySentence(engine.store, sentence, 10);
      const top = result.hits.map((hit) => nameOf(hit.asset.path));
      // What matched every part, as the search showed before it ranked partial matches after it.
      const complete = result.hits.filter((hit) => hit.matched === result.parts).map((hit) => nameOf(hit.asset.path));
      const right = complete.filter((name) => relevant.has(name)).length;
      const precision =
        relevant.size === 0 ? (complete.length === 0 ? 1 : 0) : complete.length === 0 ? 0 : right / complete.length;
      // The relevant images come first: of the first min(10, relevant) shown, the share relevant.
      const first = Math.min(10, relevant.size);
      const ranked =
        relevant.size === 0 ? precision : top.slice(0, first).filter((name) => relevant.has(name)).length / first;
      const found = relevant.size === 0 ? 1 : right / first;
      return { sentence, relevant: relevant.size, shown: top.length, right, precision, ranked, found };
    });
    const mean = (key: 'precision' | 'ranked' | 'found') => rows.reduce((sum, row) => sum + row[key], 0) / rows.length;
    console.log(
      [
        ...rows.map(
          (r) =>
            `${r.precision.toFixed(2)} ${r.ranked.toFixed(2)} ${r.found.toFixed(2)}  ${r.sentence} ` +
            `(${r.right} complete matches right of ${r.shown} shown; ${r.relevant} relevant)`,
        ),
        `precision@10 ${mean('precision').toFixed(3)} (complete matches), ranked precision ` +
          `${mean('ranked').toFixed(3)}, found@10 ${mean('found').toFixed(3)} over ${rows.length} sentences (built-in interpreter)`,
      ].join('\n'),
    );
    expect(mean('precision')).toBeGreaterThanOrEqual(0.9);
    expect(mean('ranked')).toBeGreaterThanOrEqual(0.9);
    expect(mean('found')).toBeGreaterThanOrEqual(0.9);
  });

  it('says which words it did not understand rather than searching for them', () => {
    const found = searchBySentence(engine.store, 'navy florals for a summer dress');
    expect(found.interpretation.parts.map((p) => [p.kind, p.value])).toEqual([
      ['colour', 'navy'],
      ['pattern', 'floral/organic'],
    ]);
    expect(found.interpretation.ignored).toEqual(['summer', 'dress']);
    expect(found.query).toEqual({ text: 'navy florals', match: 'ranked' });
  });

  it('ranks images by how many parts they match, and still leaves out what the sentence excludes', () => {
    const found = searchBySentence(engine.store, 'navy pinstripes in portrait, no checks', 30);
    expect(found.parts).toBe(3);
    const knownOf = (hit: { asset: { path: string } }) => known.find((k) => k.name === nameOf(hit.asset.path))!;
    const partsOf = (k: KnownImage) => [is(k, 'stripes'), has(k, 'navy'), k.orientation === 'portrait'].filter(Boolean);
    expect(found.hits.length).toBeGreaterThan(3);
    expect(found.hits[0].matched).toBe(3);
    expect(found.hits.some((hit) => hit.matched === 1)).toBe(true);
    for (const [i, hit] of found.hits.entries()) {
      expect(hit.matched).toBe(partsOf(knownOf(hit)).length);
      expect(knownOf(hit).pattern).not.toBe('checks');
      if (i > 0) expect(hit.matched).toBeLessThanOrEqual(found.hits[i - 1].matched);
    }
    // Every image matching a part is counted, not only those that match all three.
    const matchingAPart = known.filter((k) => !is(k, 'checks') && partsOf(k).length > 0);
    expect(found.total).toBe(matchingAPart.length);
  });

  it('keeps typed words and facets as they were: every word must match', () => {
    const typed = engine.store.search({ text: 'navy stripes', orientations: ['portrait'], limit: 100 });
    const wanted = known.filter((k) => is(k, 'stripes') && has(k, 'navy') && k.orientation === 'portrait');
    expect(typed.items.map((item) => nameOf(item.path)).sort()).toEqual(wanted.map((k) => k.name).sort());
    expect(typed.items.every((item) => item.matched === undefined)).toBe(true);
    expect(typed.parts).toBeUndefined();
  });

  it('ranks images by how much of them is in the colours asked for', () => {
    const hits = searchBySentence(engine.store, 'red').hits;
    expect(hits.length).toBeGreaterThan(3);
    expect(nameOf(hits[0].asset.path)).toMatch(/solid-red/);
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
  });
});

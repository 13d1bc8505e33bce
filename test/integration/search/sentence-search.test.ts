import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { searchBySentence } from '../../../electron/search';
import type { ColourName } from '../../../shared/vocabulary/colour-names';
import { tempDirs } from '../../support/temp-dirs';
import { writeSentenceLibrary, type KnownImage } from './sentence-library';

/** A basic colour word means its shades too, as the search vocabulary has it ("blue" finds navy). */
const FAMILY: Partial<Record<ColourName, ColourName[]>> = {
  red: ['burgundy'],
  pink: ['magenta', 'coral'],
  yellow: ['mustard'],
  green: ['olive', 'lime', 'mint', 'sage', 'forest'],
  blue: ['cobalt', 'navy', 'sky blue'],
  white: ['cream'],
};
const has = (k: KnownImage, colour: ColourName) =>
  k.colours.includes(colour) || (FAMILY[colour] ?? []).some((shade) => k.colours.includes(shade));
const is = (k: KnownImage, pattern: KnownImage['pattern']) => k.pattern === pattern;

/** Sentences a designer types, and which images of the generated library answer each (by how they were made). */
const QUERIES: [string, (k: KnownImage) => boolean][] = [
  ['red dots', (k) => is(k, 'dots') && has(k, 'red')],
  ['dots red', (k) => is(k, 'dots') && has(k, 'red')],
  ['red polka dots on cream, no stripes', (k) => is(k, 'dots') && has(k, 'red') && has(k, 'cream')],
  ['navy stripes', (k) => is(k, 'stripes') && has(k, 'navy')],
  ['striped navy', (k) => is(k, 'stripes') && has(k, 'navy')],
  ['navy pinstripes in portrait', (k) => is(k, 'stripes') && has(k, 'navy') && k.orientation === 'portrait'],
  ['gingham in green', (k) => is(k, 'checks') && has(k, 'green')],
  ['plaid, no red', (k) => is(k, 'checks') && !has(k, 'red')],
  ['checked designs without black', (k) => is(k, 'checks') && !has(k, 'black')],
  ['mustard checks on cream', (k) => is(k, 'checks') && has(k, 'mustard') && has(k, 'cream')],
  ['pink dots', (k) => is(k, 'dots') && has(k, 'pink')],
  ['spotty pink on cream', (k) => is(k, 'dots') && has(k, 'pink') && has(k, 'cream')],
  ['teal spots', (k) => is(k, 'dots') && has(k, 'teal')],
  ['black and white stripes', (k) => is(k, 'stripes') && has(k, 'black') && has(k, 'white')],
  ['stripes but no navy', (k) => is(k, 'stripes') && !has(k, 'navy')],
  ['plain mustard', (k) => is(k, 'solid') && has(k, 'mustard')],
  ['solid red', (k) => is(k, 'solid') && has(k, 'red')],
  ['a plain teal', (k) => is(k, 'solid') && has(k, 'teal')],
  ['solids without red', (k) => is(k, 'solid') && !has(k, 'red')],
  ['anything pink', (k) => has(k, 'pink')],
  ['reddish prints', (k) => has(k, 'red')],
  ['something navy', (k) => has(k, 'navy')],
  ['florals', (k) => is(k, 'floral/organic')],
  ['floral prints with sage', (k) => is(k, 'floral/organic') && has(k, 'sage')],
  ['geometric in mustard and teal', (k) => is(k, 'geometric') && has(k, 'mustard') && has(k, 'teal')],
  ['teal gradient', (k) => is(k, 'gradient') && has(k, 'teal')],
  ['ombre navy', (k) => is(k, 'gradient') && has(k, 'navy')],
  ['landscape checks', (k) => is(k, 'checks') && k.orientation === 'landscape'],
  ['square dots', (k) => is(k, 'dots') && k.orientation === 'square'],
  ['portrait stripes', (k) => is(k, 'stripes') && k.orientation === 'portrait'],
  ['cream backgrounds', (k) => has(k, 'cream')],
  ['white', (k) => has(k, 'white')],
  ['green', (k) => has(k, 'green')],
  ['blue stripes', (k) => is(k, 'stripes') && has(k, 'blue')],
  ['no stripes, no checks, no dots', (k) => !is(k, 'stripes') && !is(k, 'checks') && !is(k, 'dots')],
  ['red without dots', (k) => has(k, 'red') && !is(k, 'dots')],
  ['navy florals for a summer dress', (k) => is(k, 'floral/organic') && has(k, 'navy')],
  ['teal and pink', (k) => has(k, 'teal') && has(k, 'pink')],
  ['mustard', (k) => has(k, 'mustard')],
  ['checks', (k) => is(k, 'checks')],
];

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
      const top = searchBySentence(engine.store, sentence, 10).hits.map((hit) => nameOf(hit.asset.path));
      const right = top.filter((name) => relevant.has(name)).length;
      const precision = relevant.size === 0 ? (top.length === 0 ? 1 : 0) : top.length === 0 ? 0 : right / top.length;
      const found = relevant.size === 0 ? 1 : right / Math.min(10, relevant.size);
      return { sentence, relevant: relevant.size, shown: top.length, right, precision, found };
    });
    const mean = (key: 'precision' | 'found') => rows.reduce((sum, row) => sum + row[key], 0) / rows.length;
    console.log(
      [
        ...rows.map(
          (r) =>
            `${r.precision.toFixed(2)} ${r.found.toFixed(2)}  ${r.sentence} (${r.right} of ${r.shown} shown right; ${r.relevant} relevant)`,
        ),
        `precision@10 ${mean('precision').toFixed(3)}, found@10 ${mean('found').toFixed(3)}` +
          ` over ${rows.length} sentences (built-in interpreter)`,
      ].join('\n'),
    );
    expect(mean('precision')).toBeGreaterThanOrEqual(0.9);
    expect(mean('found')).toBeGreaterThanOrEqual(0.9);
  });

  it('says which words it did not understand rather than searching for them', () => {
    const found = searchBySentence(engine.store, 'navy florals for a summer dress');
    expect(found.interpretation.parts.map((p) => [p.kind, p.value])).toEqual([
      ['colour', 'navy'],
      ['pattern', 'floral/organic'],
    ]);
    expect(found.interpretation.ignored).toEqual(['summer', 'dress']);
    expect(found.query).toEqual({ text: 'navy florals' });
  });

  it('ranks images by how much of them is in the colours asked for', () => {
    const hits = searchBySentence(engine.store, 'red').hits;
    expect(hits.length).toBeGreaterThan(3);
    expect(nameOf(hits[0].asset.path)).toMatch(/solid-red/);
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { LabelCorrection, SearchResult } from '../../../../shared/model';
import type { LibraryStore } from '../../../../electron/store';
import { parseSearchWords } from '../../../../electron/store/search/search-words';
import { makeAsset, type AssetSpec } from '../synthetic-assets';
import { openTempStore } from '../temp-store';

const masks = (query: string) => parseSearchWords(query).map((w) => (w.concepts ? [...w.concepts].join(',') : w.text));

describe('search word parsing', () => {
  it('maps plurals and -ed/-y forms of a pattern word onto one label', () => {
    expect(masks('dot')).toEqual(masks('dots'));
    expect(masks('dotted')).toEqual(masks('dots'));
    expect(masks('polka')).toEqual(masks('dots'));
    expect(masks('striped')).toEqual(masks('stripes'));
    expect(masks('stripe')).toEqual(masks('stripes'));
    expect(masks('checked')).toEqual(masks('checks'));
    expect(masks('plaid')).toEqual(masks('check'));
    expect(masks('stripes')).not.toEqual(masks('checks'));
  });

  it('keeps word order out of it, and reads two words naming one colour as one word', () => {
    expect(masks('red dots').sort()).toEqual(masks('dots red').sort());
    expect(parseSearchWords('sky blue')).toHaveLength(1);
    expect(parseSearchWords('Navy, stripes')).toHaveLength(2);
    expect(masks('gray')).toEqual(masks('grey'));
  });

  it('leaves words outside the vocabularies as text', () => {
    expect(parseSearchWords('design-4 B.JPG')).toEqual([
      { text: 'design-4', concepts: null, negated: false },
      { text: 'b.jpg', concepts: null, negated: false },
    ]);
  });

  it('reads a leading minus as "must not match", on a word or a two-word colour', () => {
    const [dots, skyBlue, draft] = parseSearchWords('dots -sky blue -draft');
    expect(dots.negated).toBe(false);
    expect(skyBlue).toMatchObject({ text: 'sky blue', negated: true });
    expect([...skyBlue.concepts!]).toEqual(masks('sky blue')[0].split(',').map(Number));
    expect(draft).toEqual({ text: 'draft', concepts: null, negated: true });
    expect(parseSearchWords('- red')).toHaveLength(1);
  });
});

const ASSETS: AssetSpec[] = [
  {
    hash: 'reddots',
    path: '/lib/a1.jpg',
    pattern: 'dots',
    palette: [
      ['red', 0.7],
      ['white', 0.3],
    ],
  },
  {
    // A 2 % speck of red and a file name containing "red" inside a word: neither makes it red.
    hash: 'navystripe',
    path: '/lib/tired.jpg',
    pattern: 'stripes',
    palette: [
      ['navy', 0.9],
      ['white', 0.08],
      ['red', 0.02],
    ],
  },
  { hash: 'green', path: '/lib/k.jpg', pattern: 'checks', palette: [['green', 1]] },
  { hash: 'named', path: '/lib/Gingham-sample.png', pattern: 'solid', palette: [['grey', 1]] },
  { hash: 'tagged', path: '/lib/t.jpg', pattern: 'solid', palette: [['cream', 1]], tags: ['Striped'] },
];

describe('word search over the index', () => {
  let store: LibraryStore;
  const found = (text: string) => (store.search({ text }) as SearchResult).items.map((item) => item.hash).sort();

  beforeEach(async () => {
    ({ store } = await openTempStore());
    for (const spec of ASSETS) {
      const asset = makeAsset(spec);
      store.recordAsset(asset.locations[0], asset);
    }
  });

  it('matches colour and pattern words in any order, each word required', () => {
    expect(found('red dots')).toEqual(['reddots']);
    expect(found('dots red')).toEqual(['reddots']);
    expect(found('polka dot')).toEqual(['reddots']);
    expect(found('navy stripe')).toEqual(['navystripe']);
    expect(found('striped navy')).toEqual(['navystripe']);
    expect(found('red stripes')).toEqual([]);
  });

  it('does not call an image red for a speck of red or for "red" inside another word', () => {
    expect(found('red')).toEqual(['reddots']);
  });

  it('lets a basic colour word find its shades, but not a shade find the basic colour', () => {
    expect(found('blue stripes')).toEqual(['navystripe']);
    expect(found('navy')).toEqual(['navystripe']);
    // White takes in cream; the stripes' 8 % white is below the meaningful share.
    expect(found('white')).toEqual(['reddots', 'tagged']);
    expect(found('cream')).toEqual(['tagged']);
  });

  it('finds pattern words in file names and tags too', () => {
    expect(found('checked')).toEqual(['green', 'named']);
    expect(found('striped')).toEqual(['navystripe', 'tagged']);
  });

  it('leaves out what a word with a leading minus names', () => {
    expect(found('-dots')).toEqual(['green', 'named', 'navystripe', 'tagged']);
    expect(found('white -dots')).toEqual(['tagged']);
    expect(found('-blue -red')).toEqual(['green', 'named', 'tagged']);
    expect(found('-a1.jp')).not.toContain('reddots');
  });

  it('keeps substring matching for words outside the vocabularies', () => {
    expect(found('gingham-sam')).toEqual(['named']);
    expect(found('a1.jp')).toEqual(['reddots']);
  });

  it('matches a person’s corrected labels at once, and the local ones again after undo', () => {
    const set: LabelCorrection = {
      id: 'c1',
      batch: 'b1',
      at: 1,
      reviewer: 'ana',
      hash: 'green',
      field: 'pattern',
      action: 'set',
      value: ['dots'],
      localValue: ['checks'],
      localVersion: 'local-1.0.0',
      previous: ['checks'],
      undoes: [],
    };
    store.corrections.recordLabelCorrections([
      set,
      { ...set, id: 'c2', field: 'colours', value: ['red'], localValue: ['green'], previous: ['green'] },
    ]);
    expect(found('red dots')).toEqual(['green', 'reddots']);
    expect(found('checked')).toEqual(['named']);
    expect(store.search({ patterns: ['dots'] }).items.map((i) => i.pattern)).toEqual(['dots', 'dots']);
    store.corrections.recordLabelCorrections([
      { ...set, id: 'u1', batch: 'b2', at: 2, action: 'undo', value: null, undoes: ['c1', 'c2'] },
    ]);
    expect(found('red dots')).toEqual(['reddots']);
    expect(found('checked green')).toEqual(['green']);
  });
});

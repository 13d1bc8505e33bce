import { describe, expect, it } from 'vitest';
import { interpretSentence } from '../../../electron/search';
import { queryOfParts } from '../../../shared/model/natural-search';

const parts = (sentence: string) =>
  interpretSentence(sentence).parts.map((p) => `${p.negated ? 'not ' : ''}${p.kind}:${p.value}`);

describe('the built-in sentence interpreter', () => {
  it('reads patterns and colours in any form and order, and excludes what follows "no" up to a comma', () => {
    expect(parts('red polka dots on cream, no stripes')).toEqual([
      'colour:red',
      'pattern:dots',
      'colour:cream',
      'not pattern:stripes',
    ]);
    expect(parts('without stripes or checks, in navy')).toEqual([
      'not pattern:stripes',
      'not pattern:checks',
      'colour:navy',
    ]);
    expect(parts('reddish gingham, sky blue')).toEqual(['colour:red', 'pattern:checks', 'colour:sky blue']);
    expect(parts('gray plaid')).toEqual(['colour:grey', 'pattern:checks']);
  });

  it('reads review states, orientations, formats and the model vocabulary', () => {
    expect(parts('unreviewed art deco paisley in portrait, png')).toEqual([
      'status:unreviewed',
      'attribute:art deco',
      'attribute:paisley',
      'orientation:portrait',
      'format:png',
    ]);
    expect(parts('reviewed landscape')).toEqual(['status:accepted', 'status:rejected', 'orientation:landscape']);
  });

  it('says what it did not understand, including an exclusion the library cannot filter by', () => {
    const understood = interpretSentence('something warmer for a summer dress, no png');
    expect(understood.parts).toEqual([]);
    expect(understood.ignored).toEqual(['warmer', 'summer', 'dress', 'png']);
  });

  it('makes the query the facets use: words that must or must not match, and facet filters', () => {
    expect(queryOfParts(interpretSentence('mustard and teal geometric, no sky blue, square').parts)).toEqual({
      text: 'mustard teal geometric -sky blue',
      orientations: ['square'],
      match: 'ranked',
    });
    expect(queryOfParts(interpretSentence('no art deco').parts)).toEqual({ text: '-art -deco', match: 'ranked' });
    // A phrase is one part: it counts once towards the ranking.
    expect(queryOfParts(interpretSentence('art deco paisley').parts).text).toBe('"art deco" paisley');
    expect(queryOfParts([])).toEqual({});
  });
});

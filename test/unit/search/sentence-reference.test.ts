import { describe, expect, it } from 'vitest';
import { queryOfParts } from '../../../shared/model/natural-search';
import { hexToOklab } from '../../../electron/pixels/colour-space';
import { shiftColour } from '../../../electron/pixels/colour-shift';
import { interpretSentence } from '../../../electron/search/interpret-sentence';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const TEAL = { hash: 'a'.repeat(64), colour: '#2a7f8f' };

describe('"like this but warmer": the image open or selected as the reference', () => {
  it('ranks by similarity to the reference, near its main colour moved warmer', () => {
    const understood = interpretSentence('something like this but warmer', NOW, TEAL);
    expect(understood.ignored).toEqual([]);
    expect(understood.parts).toEqual([
      { kind: 'like', value: TEAL.hash, words: 'like this', negated: false },
      { kind: 'shift', value: shiftColour(TEAL.colour, 'warmer'), words: 'warmer', negated: false },
    ]);
    expect(queryOfParts(understood.parts)).toMatchObject({
      similarTo: TEAL.hash,
      colourNear: { hex: shiftColour(TEAL.colour, 'warmer'), tolerance: 20 },
      match: 'ranked',
    });
  });

  it('composes shifts in the order said, and mixes with the other parts', () => {
    const understood = interpretSentence('more like this one, lighter and more muted, no stripes', NOW, TEAL);
    const shifts = understood.parts.filter((p) => p.kind === 'shift');
    expect(shifts.map((p) => p.words)).toEqual(['lighter', 'more muted']);
    expect(shifts[1].value).toBe(shiftColour(shiftColour(TEAL.colour, 'lighter'), 'muted'));
    expect(hexToOklab(shifts[1].value)[0]).toBeGreaterThan(hexToOklab(TEAL.colour)[0]);
    expect(understood.parts.some((p) => p.kind === 'like' && p.words === 'more like this one')).toBe(true);
    expect(queryOfParts(understood.parts).text).toBe('-stripes');
  });

  it('says it needs an image when none is open or selected, and filters by nothing for those words', () => {
    const understood = interpretSentence('like this but cooler', NOW);
    expect(understood.parts).toEqual([]);
    expect(understood.ignored).toEqual(['like this', 'cooler']);
    expect(understood.note).toMatch(/need an image to start from: open or select one/);
  });
});

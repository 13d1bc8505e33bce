import { describe, expect, it } from 'vitest';
import { interpretSentence } from '../../../electron/search';
import { queryOfParts, rangeOfInterval } from '../../../shared/model/natural-search';

/** Monday 7 December 2026, 15:30 local time. */
const NOW = new Date(2026, 11, 7, 15, 30).getTime();
const day = (year: number, month: number, date: number) => new Date(year, month - 1, date).getTime();
const query = (sentence: string) => queryOfParts(interpretSentence(sentence, NOW).parts);
const added = (sentence: string) => {
  const { addedAfter, addedBefore } = query(sentence);
  return { addedAfter, addedBefore };
};

describe('models, confidence and dates in a sentence', () => {
  it('reads which model answered and how confidently', () => {
    const understood = interpretSentence('unreviewed Haiku answers with low confidence from last week', NOW);
    expect(understood.parts.map((p) => `${p.kind}:${p.value}`)).toEqual([
      'status:unreviewed',
      'model:haiku',
      'confidence:0.6',
      `date:${new Date(day(2026, 11, 30)).toISOString()}/`,
    ]);
    expect(understood.ignored).toEqual([]);
    expect(query('sonnet or claude, uncertain')).toMatchObject({
      answeredBy: ['sonnet', 'claude'],
      maxConfidence: 0.6,
    });
    expect(query('confidence below 45%').maxConfidence).toBe(0.45);
  });

  it('reads dates relative to the clock, from local midnight', () => {
    expect(added('today')).toEqual({ addedAfter: day(2026, 12, 7), addedBefore: undefined });
    expect(added('yesterday')).toEqual({ addedAfter: day(2026, 12, 6), addedBefore: day(2026, 12, 7) });
    expect(added('last 30 days')).toEqual({ addedAfter: day(2026, 11, 7), addedBefore: undefined });
    expect(added('past month').addedAfter).toBe(day(2026, 11, 7));
    expect(added('this week').addedAfter).toBe(day(2026, 12, 7));
    expect(added('this month').addedAfter).toBe(day(2026, 12, 1));
    expect(added('in 2025')).toEqual({ addedAfter: day(2025, 1, 1), addedBefore: day(2026, 1, 1) });
    expect(added('since 2025').addedAfter).toBe(day(2025, 1, 1));
    // A month without a year is the latest one not in the future.
    expect(added('since March')).toEqual({ addedAfter: day(2026, 3, 1), addedBefore: undefined });
    expect(added('in December')).toEqual({ addedAfter: day(2026, 12, 1), addedBefore: day(2027, 1, 1) });
    expect(added('since march 2024').addedAfter).toBe(day(2024, 3, 1));
  });

  it('narrows several dates to where they overlap, and keeps them out of the words searched', () => {
    const both = query('navy stripes since March, in 2026, last week');
    expect(both.text).toBe('navy stripes');
    expect(both).toMatchObject({ addedAfter: day(2026, 11, 30), addedBefore: day(2027, 1, 1), match: 'ranked' });
  });

  it('excludes a model or a date ("not by Haiku", "nothing from last week"), but not low confidence', () => {
    const understood = interpretSentence('florals, not haiku, except last week', NOW);
    expect(understood.parts.map((p) => `${p.negated ? '-' : ''}${p.kind}`)).toEqual(['pattern', '-model', '-date']);
    expect(queryOfParts(understood.parts)).toMatchObject({
      notAnsweredBy: ['haiku'],
      addedOutside: { after: day(2026, 11, 30) },
      match: 'ranked',
    });
    const uncertain = interpretSentence('stripes, not uncertain', NOW);
    expect(uncertain.parts.map((p) => p.kind)).toEqual(['pattern']);
    expect(uncertain.ignored).toEqual(['uncertain']);
  });

  it('keeps an interval open at an empty end', () => {
    expect(rangeOfInterval('/2026-01-01T00:00:00.000Z')).toEqual({ before: Date.UTC(2026, 0, 1) });
    expect(rangeOfInterval('nonsense/')).toEqual({});
  });
});

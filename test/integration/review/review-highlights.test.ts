import { afterEach, describe, expect, it } from 'vitest';
import { describeChange } from '../../../electron/review/review-highlights';
import { answer, HAIKU, openReviewFixture, SONNET, type ReviewFixture } from './review-fixture';

let fixture: ReviewFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

describe('what reviewers change', () => {
  it('says the corrections people make most, per model and field, and follows decisions and undos as they come', async () => {
    fixture = await openReviewFixture(6);
    const { review } = fixture.engine;
    const [a, b, c, d, e] = fixture.hashes;
    // The model says "roses, leaves" and "cottagecore" for every design.
    for (const hash of [a, b, c])
      review.decide(hash, 'Ann', [{ field: 'motifs', action: 'edit', value: ['peonies', 'leaves'] }]);
    review.decide(d, 'Ann', [{ field: 'motifs', action: 'accept' }]);
    review.decide(e, 'Ben', [
      { field: 'style', action: 'edit', value: 'art nouveau' },
      { field: 'mood', action: 'reject' },
    ]);

    const first = review.highlights();
    expect(first.items).toBe(5);
    expect(first.corrections[0]).toMatchObject({
      modelId: HAIKU,
      field: 'motifs',
      change: 'calls peonies “roses”',
      count: 3,
      reviewed: 4,
    });
    expect(new Set(first.corrections[0].examples)).toEqual(new Set([a, b, c]));
    expect(first.corrections).toContainEqual(
      expect.objectContaining({ field: 'style', change: 'calls art nouveau “cottagecore”', count: 1, reviewed: 1 }),
    );
    expect(first.rejections).toEqual([{ modelId: HAIKU, field: 'mood', rejected: 1, reviewed: 1 }]);

    // An undo takes its correction back; a new decision adds one: only those items are counted again.
    review.undo(c, 'Ann');
    const [, , , , , f] = fixture.hashes;
    review.decide(f, 'Ann', [{ field: 'motifs', action: 'edit', value: ['roses', 'leaves', 'ribbons'] }]);
    const next = review.highlights();
    expect(next.corrections.find((h) => h.change === 'calls peonies “roses”')).toMatchObject({ count: 2, reviewed: 4 });
    expect(next.corrections).toContainEqual(expect.objectContaining({ change: 'misses ribbons', count: 1 }));
    expect(next.items).toBe(5);
    // With Haiku's motifs trusted (counted before review), how often reviewers overturned them.
    expect(review.highlights([{ modelId: HAIKU, field: 'motifs' }]).overturned).toEqual([
      { modelId: HAIKU, field: 'motifs', overturned: 3, reviewed: 4 },
    ]);
  });

  it('puts an edit in words a person reads', () => {
    expect(describeChange('cottagecore', 'art nouveau')).toBe('calls art nouveau “cottagecore”');
    expect(describeChange(['roses'], ['roses', 'tulips'])).toBe('misses tulips');
    expect(describeChange(['roses', 'stars'], ['roses'])).toBe('adds “stars” that is not there');
    expect(describeChange([{ name: 'navy', hex: '#1b2a4a' }], [{ name: 'black', hex: '#000000' }])).toBe(
      'calls black “navy”',
    );
  });

  it('says where two models answering the same reviewed items disagree most', async () => {
    fixture = await openReviewFixture(4);
    const { review, store } = fixture.engine;
    const [a, b, c] = fixture.hashes;
    store.analysis.recordModelAnalysis(answer(a, SONNET, { style: 'art nouveau' }, 5_000));
    store.analysis.recordModelAnalysis(answer(b, SONNET, { style: 'art nouveau', motifs: ['leaves', 'roses'] }, 5_001));
    store.analysis.recordModelAnalysis(answer(c, SONNET, {}, 5_002));
    for (const hash of [a, b, c]) review.decide(hash, 'Ann', [{ field: 'technique', action: 'accept' }]);

    const { disagreements } = review.highlights();
    const [first] = disagreements;
    expect(first).toEqual({ models: [HAIKU, SONNET].sort(), field: 'style', items: 3, differ: 2 });
    // The same motifs in another order are the same answer; free text is not compared.
    expect(disagreements.map((d) => d.field)).toEqual(['style']);
  });
});

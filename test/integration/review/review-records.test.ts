import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { ReviewService } from '../../../electron/review';
import { ATTRIBUTE_FIELDS } from '../../../shared/model/attributes';
import { answer, HAIKU, openReviewFixture, SONNET, type ReviewFixture } from './review-fixture';
import { makeAsset } from '../../unit/store/synthetic-assets';

const run = promisify(execFile);
const CRASH_REVIEWER = fileURLToPath(new URL('./crash-reviewer.ts', import.meta.url));

let fixture: ReviewFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

function clockedService(f: ReviewFixture) {
  let now = 10_000;
  return { review: new ReviewService(f.engine.store, () => now), tick: (ms = 1000) => (now += ms) };
}

describe('review records', () => {
  it('lets two reviewers decide the same field: the later decision wins and the overwritten one stays in the history', async () => {
    fixture = await openReviewFixture(1);
    const { review, tick } = clockedService(fixture);
    const [hash] = fixture.hashes;
    review.decide(hash, 'ana', [{ field: 'style', action: 'edit', value: 'art deco' }]);
    tick();
    const item = review.decide(hash, 'ben', [{ field: 'style', action: 'accept' }]);

    expect(item.fields.style).toMatchObject({ state: 'accepted', value: 'cottagecore', reviewer: 'ben' });
    expect(item.history.map((d) => [d.reviewer, d.action, d.value, d.previous])).toEqual([
      ['ana', 'edit', 'art deco', null],
      ['ben', 'accept', 'cottagecore', 'art deco'],
    ]);
    expect(item.history[0].modelValue).toBe('cottagecore');
  });

  it('undoes by adding a record: accept-all is taken back as one, and the item is pending again', async () => {
    fixture = await openReviewFixture(1);
    const { review, tick } = clockedService(fixture);
    const [hash] = fixture.hashes;
    review.decide(hash, 'ana', [{ field: 'mood', action: 'reject' }]);
    tick();
    const accepted = review.decide(hash, 'ana', [{ field: 'item', action: 'accept' }]);
    expect(accepted.status).toBe('accepted');
    expect(fixture.engine.store.getAsset(hash)?.status).toBe('accepted');
    tick();
    const undone = review.undo(hash, 'ana');

    expect(undone.status).toBe('pending');
    expect(undone.fields.mood.state).toBe('rejected');
    expect(undone.fields.style.state).toBe('pending');
    expect(undone.history).toHaveLength(1 + ATTRIBUTE_FIELDS.length + 1);
    expect(undone.history.at(-1)).toMatchObject({
      action: 'undo',
      undoes: expect.arrayContaining([accepted.history[1].id]),
    });
    expect(fixture.engine.store.getAsset(hash)?.status).toBe('unreviewed');
    expect(() => review.undo(hash, 'ben')).toThrow(/nothing of yours to undo/);
  });

  it('rejects a whole item, and picks a field from a second model', async () => {
    fixture = await openReviewFixture(2);
    const { review, tick } = clockedService(fixture);
    const [a, b] = fixture.hashes;
    expect(review.decide(a, 'ana', [{ field: 'item', action: 'reject' }]).status).toBe('rejected');
    fixture.engine.store.analysis.recordModelAnalysis({
      ...answer(b, SONNET, { style: 'art nouveau' }),
      escalatedFrom: HAIKU,
    });
    tick();
    const picked = review.decide(b, 'ana', [
      { field: 'style', action: 'accept', modelId: HAIKU },
      { field: 'description', action: 'accept', modelId: SONNET },
    ]);
    expect(picked.modelId).toBe(SONNET);
    expect(picked.fields.style).toMatchObject({ value: 'cottagecore', modelId: HAIKU });
    expect(picked.fields.description.modelId).toBe(SONNET);
    expect(picked.analyses.map((x) => x.modelId)).toEqual([expect.stringMatching(/^local@/), HAIKU, SONNET]);
  });

  it("refuses an edit the model's schema would refuse", async () => {
    fixture = await openReviewFixture(1);
    const { review } = clockedService(fixture);
    expect(() =>
      review.decide(fixture!.hashes[0], 'ana', [{ field: 'repeatScale', action: 'edit', value: 'gigantic' }]),
    ).toThrow(/repeatScale/);
    expect(() =>
      review.decide(fixture!.hashes[0], 'ana', [
        { field: 'colours', action: 'edit', value: [{ name: 'red', hex: 'red' }] },
      ]),
    ).toThrow(/colours/);
    expect(fixture.engine.store.reviews.reviewHistory(fixture.hashes[0])).toEqual([]);
  });

  it('filters the queue by state, model, field, confidence and folder, and counts what is pending', async () => {
    fixture = await openReviewFixture(3);
    const { review } = clockedService(fixture);
    const [a, b, c] = fixture.hashes;
    fixture.engine.store.analysis.recordModelAnalysis({ ...answer(c, SONNET), confidence: 0.4, at: 5_000 });
    review.decide(a, 'ana', [{ field: 'item', action: 'accept' }]);
    review.decide(b, 'ana', [{ field: 'style', action: 'accept' }]);

    expect(review.queue({})).toMatchObject({ total: 2, pending: 2 });
    expect(review.queue({ state: 'accepted' }).items.map((i) => i.hash)).toEqual([a]);
    expect(review.queue({ field: 'style' }).items.map((i) => i.hash)).toEqual([c]);
    expect(review.queue({ modelId: SONNET, confidenceBelow: 0.5 }).items.map((i) => i.hash)).toEqual([c]);
    expect(review.queue({ folder: `${fixture.root}/prints`, state: 'all' }).total).toBe(3);
    expect(review.queue({ folder: '/elsewhere', state: 'all' }).total).toBe(0);
  });

  it('makes the review status a search facet, and unreviewed model words searchable only when allowed', async () => {
    fixture = await openReviewFixture(2);
    const { review } = clockedService(fixture);
    const [a] = fixture.hashes;
    const { store } = fixture.engine;
    expect(store.search({ text: 'haiku says' }).total).toBe(2);
    fixture.engine.analysis.updateSettings({ searchUnreviewed: false });
    expect(store.search({ text: 'haiku says' }).total).toBe(0);
    review.decide(a, 'ana', [{ field: 'item', action: 'accept' }]);
    expect(store.search({ text: 'haiku says' }).items.map((i) => i.hash)).toEqual([a]);
    review.decide(a, 'ana', [{ field: 'description', action: 'edit', value: 'Navy pinstripe.' }]);
    expect(store.search({ text: 'pinstripe' }).total).toBe(1);
    expect(store.search({ text: 'haiku says' }).total).toBe(0);
    // Trusting the model for descriptions makes its unreviewed descriptions searchable again.
    fixture.engine.analysis.updateSettings({ trustedFields: [{ modelId: HAIKU, field: 'description' }] });
    expect(store.search({ text: 'haiku says design 1' }).total).toBe(1);
    expect(store.search({ text: 'cottagecore' }).total).toBe(1);
    const statuses = Object.fromEntries(store.search({}).facets.status.map((f) => [f.value, f.count]));
    expect(statuses).toMatchObject({ accepted: 1, unreviewed: 1 });
  });

  it("keeps a model's words with the bytes: before the image is indexed, after it goes, when it is back", async () => {
    fixture = await openReviewFixture(1);
    const { review } = clockedService(fixture);
    const { store } = fixture.engine;
    const hash = `cd${'34'.repeat(31)}`;
    store.analysis.recordModelAnalysis(answer(hash, HAIKU, { description: 'Peacock feathers.' }));
    const location = { path: '/lib/birds/peacock-print.jpg', fileSize: 1, mtimeMs: 1 };
    store.recordAsset(location, makeAsset({ hash, path: location.path, addedAt: 1 }));
    const found = (text: string) => store.search({ text }).items.map((i) => i.hash);
    expect(found('peacock feathers')).toEqual([hash]);
    review.decide(hash, 'ana', [{ field: 'description', action: 'edit', value: 'Iridescent plumes.' }]);
    // Only the model's part of the words changed: the file's own words still find it.
    expect(found('iridescent plumes')).toEqual([hash]);
    expect(found('peacock-print')).toEqual([hash]);
    store.removeFile(location.path);
    expect(found('iridescent')).toEqual([]);
    store.recordAsset(location, makeAsset({ hash, path: location.path, addedAt: 2 }));
    expect(found('iridescent plumes')).toEqual([hash]);
  });

  it('loses nothing when the process dies between two decisions', async () => {
    fixture = await openReviewFixture(1);
    const [hash] = fixture.hashes;
    await fixture.engine.close();
    await expect(
      run(process.execPath, ['--import', 'tsx', CRASH_REVIEWER, fixture.dataDir, hash]),
    ).rejects.toMatchObject({ signal: 'SIGKILL' });

    const reopened = await Engine.open({ dataDir: fixture.dataDir });
    fixture.engine = reopened;
    const item = new ReviewService(reopened.store).decide(hash, 'ben', [{ field: 'mood', action: 'reject' }]);
    expect(item.history.map((d) => [d.reviewer, d.field, d.action])).toEqual([
      ['ana', 'style', 'edit'],
      ['ben', 'mood', 'reject'],
    ]);
    expect(item.fields.style).toMatchObject({ state: 'edited', value: 'bauhaus' });
  });
});

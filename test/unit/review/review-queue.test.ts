import { describe, expect, it } from 'vitest';
import { ReviewService } from '../../../electron/review/review-service';
import { answer, HAIKU, SONNET } from '../../integration/review/review-fixture';
import { makeAsset } from '../store/synthetic-assets';
import { openTempStore } from '../store/temp-store';

const HASHES = ['a', 'b', 'c'].map((c) => c.repeat(64));

async function queueOfThree() {
  const { store } = await openTempStore();
  HASHES.forEach((hash, i) => {
    const path = `/lib/design-${i}.png`;
    store.recordAsset({ path, fileSize: 1, mtimeMs: 1 }, makeAsset({ hash, path }));
    store.analysis.recordModelAnalysis(answer(hash, HAIKU, {}, 100 + i));
  });
  return { store, review: new ReviewService(store) };
}

const names = (review: ReviewService, state: 'pending' | 'all' = 'pending') =>
  review.queue({ state }).items.map((item) => item.name);

describe('the review queue between calls', () => {
  it('follows new answers, files that go or move, and decisions, whatever it worked out before', async () => {
    const { store, review } = await queueOfThree();
    expect(names(review)).toEqual(['design-0.png', 'design-1.png', 'design-2.png']);

    // A more confident, later answer for the first image puts it under review with that answer's time.
    store.analysis.recordModelAnalysis({ ...answer(HASHES[0], SONNET, {}, 500), confidence: 0.95 });
    expect(names(review)).toEqual(['design-1.png', 'design-2.png', 'design-0.png']);

    store.removeFile('/lib/design-1.png');
    expect(names(review)).toEqual(['design-2.png', 'design-0.png']);

    store.recordAsset({ path: '/lib/moved.png', fileSize: 1, mtimeMs: 1 }, makeAsset({ hash: HASHES[2], path: '/x' }));
    store.removeFile('/lib/design-2.png');
    expect(names(review)).toEqual(['moved.png', 'design-0.png']);

    review.decide(HASHES[0], 'Ann', [{ field: 'item', action: 'accept' }]);
    expect(names(review)).toEqual(['moved.png']);
    expect(review.queue({ state: 'all' })).toMatchObject({ total: 2, pending: 1 });
  });

  it('pages through the queue in order, counting every match', async () => {
    const { review } = await queueOfThree();
    const page = review.queue({ state: 'pending', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, pending: 3 });
    expect(page.items.map((item) => item.name)).toEqual(['design-1.png']);
    const bySonnet = review.queue({ state: 'pending', modelId: SONNET });
    expect(bySonnet.total).toBe(0);
  });
});

/**
 * "What reviewers change" at 100,000 decisions: a store of 20,000 synthetic items with a model
 * answer each and five field decisions on every item (a third of the motifs and a fifth of the
 * styles edited, a seventh of the moods rejected). Timed: the first report, which counts every
 * item, and the refresh after each of 50 single decisions, which counts only the item it changed.
 *   highlights <scratchDir>
 * Prints one JSON line: { decisions, firstMs, refreshP50Ms, refreshMaxMs }.
 */
import path from 'node:path';
import { ReviewService } from '../../electron/review';
import { openLibraryStore } from '../../electron/store';
import { answer, HAIKU } from '../integration/review/review-fixture';
import { makeSyntheticAssets } from '../unit/store/synthetic-assets';

const [scratch] = process.argv.slice(2);
const ITEMS = 20_000;
const REFRESHES = 50;

const store = await openLibraryStore(path.join(scratch, 'highlights'));
const assets = makeSyntheticAssets(ITEMS, 3);
for (const [i, asset] of assets.entries()) {
  store.recordAsset(asset.locations[0], { ...asset, status: 'unreviewed' });
  store.analysis.recordModelAnalysis(answer(asset.hash, HAIKU, {}, 1_000 + i));
}
const review = new ReviewService(store);
for (const [i, asset] of assets.entries()) {
  review.decide(asset.hash, 'Ann', [
    i % 3 === 0
      ? { field: 'motifs', action: 'edit', value: ['peonies', 'leaves'] }
      : { field: 'motifs', action: 'accept' },
    i % 5 === 0 ? { field: 'style', action: 'edit', value: 'art nouveau' } : { field: 'style', action: 'accept' },
    { field: 'mood', action: i % 7 === 0 ? 'reject' : 'accept' },
    { field: 'technique', action: 'accept' },
    { field: 'colours', action: 'accept' },
  ]);
}
const decisions = store.reviews.listReviewDecisions().length;
let started = performance.now();
review.highlights();
const firstMs = performance.now() - started;
const refreshes: number[] = [];
for (let k = 0; k < REFRESHES; k++) {
  review.decide(assets[k].hash, 'Ben', [{ field: 'style', action: 'edit', value: 'minimalist' }]);
  started = performance.now();
  review.highlights();
  refreshes.push(performance.now() - started);
}
await store.close();
refreshes.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    decisions,
    firstMs,
    refreshP50Ms: refreshes[Math.floor(REFRESHES / 2)],
    refreshMaxMs: refreshes[REFRESHES - 1],
  }),
);

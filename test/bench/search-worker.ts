/**
 * Search latency on a synthetic library: builds a store of `count` assets in `dataDir`, then
 * times a mix of real queries through the API boundary (zod validation included), as the UI
 * issues them; then sentences typed into search: the built-in interpreter over the quality set's
 * sentences, and ranked searches (parts matched) by words, facets, model, confidence and date.
 * Prints one JSON line: { assets, queries, p50Ms, p95Ms, buildSeconds, peakRssMb, parserP95Ms, rankedP95Ms }.
 */
import { createSwatchbookApi, dispatchApiCall } from '../../electron/api';
import { Engine } from '../../electron/engine';
import { interpretSentence } from '../../electron/search';
import { QUERIES } from '../integration/search/sentence-queries';
import { makeSyntheticAssets, seededRandom } from '../unit/store/synthetic-assets';
import type { SearchQuery } from '../../shared/model';
import { queryMix } from './query-mix';

const [dataDir, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 100_000);

const buildStarted = performance.now();
const library = await Engine.open({ dataDir });
const assets = makeSyntheticAssets(count, 42);
for (const asset of assets) library.store.recordAsset(asset.locations[0], asset);
const buildSeconds = (performance.now() - buildStarted) / 1000;

const random = seededRandom(7);
const someHash = () => assets[Math.floor(random() * assets.length)].hash;
const QUERY_MIX = queryMix(someHash, 10_000);

const api = createSwatchbookApi(library);
for (let i = 0; i < 30; i++) await dispatchApiCall(api, 'search', QUERY_MIX[i % QUERY_MIX.length]());
const timings: number[] = [];
for (let i = 0; i < 330; i++) {
  const query = QUERY_MIX[i % QUERY_MIX.length]();
  const started = performance.now();
  await dispatchApiCall(api, 'search', query);
  timings.push(performance.now() - started);
}
const RANKED: SearchQuery[] = [
  { text: 'navy stripes summer', statuses: ['unreviewed'], orientations: ['portrait'], match: 'ranked' },
  { text: 'red dots -stripes', answeredBy: ['haiku'], maxConfidence: 0.6, match: 'ranked' },
  { text: '"art deco" mustard', addedAfter: 1_700_000_000_000 + count * 500, match: 'ranked' },
];
const ranked: number[] = [];
for (let i = 0; i < 60; i++) {
  const started = performance.now();
  await dispatchApiCall(api, 'search', RANKED[i % RANKED.length]);
  if (i >= 6) ranked.push(performance.now() - started);
}
const parser: number[] = [];
for (let round = 0; round < 25; round++) {
  for (const [sentence] of QUERIES) {
    const started = performance.now();
    interpretSentence(sentence);
    if (round > 0) parser.push(performance.now() - started);
  }
}
const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const at = (q: number) => percentile(timings, q);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
await library.close();
console.log(
  JSON.stringify({
    assets: count,
    queries: timings.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    buildSeconds,
    peakRssMb,
    parserP95Ms: percentile(parser, 0.95),
    rankedP95Ms: percentile(ranked, 0.95),
  }),
);

/**
 * Search latency on a synthetic library: builds a store of `count` assets in `dataDir`, then
 * times a mix of real queries through the API boundary (zod validation included), as the UI
 * issues them. Prints one JSON line: { assets, queries, p50Ms, p95Ms, buildSeconds, peakRssMb }.
 */
import { createSwatchbookApi, dispatchApiCall } from '../../electron/api';
import { Engine } from '../../electron/engine';
import { makeSyntheticAssets, seededRandom } from '../unit/store/synthetic-assets';
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
timings.sort((a, b) => a - b);
const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))];
const peakRssMb = process.resourceUsage().maxRSS / 1024;
await library.close();
console.log(
  JSON.stringify({ assets: count, queries: timings.length, p50Ms: at(0.5), p95Ms: at(0.95), buildSeconds, peakRssMb }),
);

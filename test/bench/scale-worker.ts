/**
 * The library at scale, in a fresh process: opens a cached `count`-asset library (see
 * scale-library.ts) through the engine, and times open to the first search result, the RSS
 * after open, search latency over the bench's query mix, review decisions through the API, and
 * the longest event-loop stall while reviewing and while ingesting new photos into it (see
 * scale-ingest.ts). Prints one JSON line of figures.
 */
import { rmSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ApiOutput } from '../../shared/api/contract';
import type { SearchQuery } from '../../shared/model';
import { createSwatchbookApi, dispatchApiCall } from '../../electron/api';
import { Engine } from '../../electron/engine';
import { seededRandom } from '../unit/store/synthetic-assets';
import { queryMix } from './query-mix';
import { ingestAtScale } from './scale-ingest';
import { scaleHash } from './scale-library';

/**
 * `records`: open without the open index (as after a crash), report open and close (which writes
 * it), stop. `open`: open with it, then search, review and ingest the photos in `photosDir`.
 */
const [dataDir, countArg, mode, photosDir] = process.argv.slice(2);
const count = Number(countArg);
const openIndex = path.join(dataDir, 'library.index');
if (mode === 'records') rmSync(openIndex, { force: true });
const SEARCHES = 330;
const DECISIONS = 200;

const started = performance.now();
const engine = await Engine.open({ dataDir });
const api = createSwatchbookApi(engine);
const first = (await dispatchApiCall(api, 'search', { limit: 100 })) as ApiOutput<'search'>;
const openSeconds = (performance.now() - started) / 1000;
const rssAfterOpenMb = process.memoryUsage().rss / 2 ** 20;
if (first.total !== count) throw new Error(`the library holds ${first.total} assets, not ${count}`);
if (mode === 'records') {
  const closing = performance.now();
  await engine.close();
  const closeSeconds = (performance.now() - closing) / 1000;
  console.log(
    JSON.stringify({ openSeconds, rssAfterOpenMb, closeSeconds, indexMb: (await stat(openIndex)).size / 2 ** 20 }),
  );
  process.exit(0);
}

const random = seededRandom(7);
const someHash = () => scaleHash(Math.floor(random() * count));
// The search bench's mix, paged a quarter of the way down, plus a two-word search and half-way down by name.
const QUERY_MIX: Array<() => SearchQuery> = [
  ...queryMix(someHash, Math.floor(count / 4)),
  () => ({ text: 'red dots' }),
  () => ({ sort: 'name', offset: Math.floor(count / 2) }),
];

const searchTimes: number[] = [];
for (let i = 0; i < SEARCHES + 30; i++) {
  const begin = performance.now();
  await dispatchApiCall(api, 'search', QUERY_MIX[i % QUERY_MIX.length]());
  if (i >= 30) searchTimes.push(performance.now() - begin);
}

const stalls = monitorEventLoopDelay({ resolution: 5 });
stalls.enable();
const queue = (await dispatchApiCall(api, 'reviewQueue', {
  state: 'pending',
  limit: DECISIONS,
})) as ApiOutput<'reviewQueue'>;
const reviewTimes: number[] = [];
for (const item of queue.items) {
  const begin = performance.now();
  await dispatchApiCall(api, 'getReviewItem', { hash: item.hash });
  await dispatchApiCall(api, 'reviewDecide', {
    hash: item.hash,
    reviewer: 'Bench',
    decisions: [{ field: 'item', action: 'accept' }],
  });
  reviewTimes.push(performance.now() - begin);
  // A person presses a key at most every ~100 ms; let snapshots and timers run between presses.
  await yieldToLoop();
}
stalls.disable();
const ingest = await ingestAtScale(engine, photosDir);
await engine.close();

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)];
console.log(
  JSON.stringify({
    assets: count,
    openSeconds,
    rssAfterOpenMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    storeMb: (await folderBytes(dataDir)) / 2 ** 20,
    searchP95Ms: p95(searchTimes),
    reviewP95Ms: p95(reviewTimes),
    reviewDecisions: reviewTimes.length,
    maxStallMs: stalls.max / 1e6,
    ingestedImages: ingest.images,
    ingestImagesPerS: ingest.images / ingest.seconds,
    maxIngestStallMs: ingest.maxStallMs,
  }),
);

/** Bytes of the library's own files: the cache folder (thumbnails) and the open index (derived) are not the store. */
async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += entry.name === 'cache' ? 0 : await folderBytes(full);
    else if (full !== openIndex) total += (await stat(full)).size;
  }
  return total;
}

/**
 * `npm run bench [-- --count N] [--json]`: ingest throughput against a bare-sharp floor measured
 * in the same run on the same files, peak RSS, search latency on a 100,000-asset store, and
 * review latency (keypress to next item shown) in browser mode on a 10,000-item queue.
 * Each measurement runs in its own process so peak RSS and warm caches are its own.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { ensureCorpus } from './corpus';

const program = new Command()
  .option('--count <n>', 'images in the generated corpus', '600')
  .option('--search-assets <n>', 'assets in the synthetic search store', '100000')
  .option('--review-queue <n>', 'pending items in the synthetic review queue', '10000')
  .option('--json', 'print the figures as one JSON object on the last line')
  .parse();
const options = program.opts<{ count: string; searchAssets: string; reviewQueue: string; json?: boolean }>();
const count = Number(options.count);
const REVIEW_ITEMS = 200;

const projectRoot = path.resolve(import.meta.dirname, '../..');
const benchDir = path.join(projectRoot, '.bench');

function runWorker(script: string, args: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0) resolve(JSON.parse(last));
      else reject(new Error(`${script} exited with ${code}: ${out}`));
    });
  });
}

const log = (line: string) => process.stderr.write(line + '\n');

log(`Corpus: ${count} images (1–12 MP, JPEG/PNG/WebP, patterns and photo-like), cached in ${path.relative(projectRoot, benchDir)}/`);
const files = await ensureCorpus(benchDir, count, (done) => {
  if (done % 50 === 0 || done === count) log(`  generated ${done}/${count}`);
});
const corpusDir = path.dirname(files[0]);
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'swatchbook-bench-'));

try {
  log('Floor: bare sharp decode + 256 px thumbnail, all cores…');
  const floor = await runWorker('ingest-worker.ts', ['floor', corpusDir, path.join(scratch, 'floor')]);
  log('Ingest: full Swatchbook pipeline (hash, decode once, analyse, segment, cache, store)…');
  const ingest = await runWorker('ingest-worker.ts', ['ingest', corpusDir, path.join(scratch, 'ingest')]);
  log('Cost: what Claude 3 Haiku would be sent for the ingested corpus, against the naive whole-image pipeline…');
  const cost = await runWorker('cost-worker.ts', [path.join(scratch, 'ingest')]);
  log(`Search: ${options.searchAssets} synthetic assets…`);
  const search = await runWorker('search-worker.ts', [path.join(scratch, 'search'), options.searchAssets]);
  log(`Review: ${options.reviewQueue}-item queue in browser mode (Chromium), ${REVIEW_ITEMS} items accepted with A…`);
  const review = await runWorker('review-latency.ts', [path.join(scratch, 'review'), options.reviewQueue, String(REVIEW_ITEMS)]);

  const figures = {
    images: count,
    ingest_images_per_s: round(ingest.images / ingest.seconds),
    floor_images_per_s: round(floor.images / floor.seconds),
    ingest_ratio: round(ingest.images / ingest.seconds / (floor.images / floor.seconds)),
    ingested: ingest.images,
    search_assets: search.assets,
    search_p50_ms: round(search.p50Ms),
    search_p95_ms: round(search.p95Ms),
    peak_rss_mb: Math.round(Math.max(ingest.peakRssMb, search.peakRssMb)),
    ingest_peak_rss_mb: Math.round(ingest.peakRssMb),
    search_peak_rss_mb: Math.round(search.peakRssMb),
    cost_per_1000_usd: round(cost.costPer1000Usd, 4),
    naive_cost_per_1000_usd: round(cost.naivePer1000Usd, 4),
    cost_ratio: round(cost.costPer1000Usd / cost.naivePer1000Usd),
    review_queue: review.queue,
    review_next_p50_ms: round(review.p50Ms),
    review_next_p95_ms: round(review.p95Ms),
    review_open_ms: Math.round(review.openMs),
  };
  console.log(`Ingest        ${figures.ingest_images_per_s} images/s (${ingest.images} images in ${round(ingest.seconds)} s)`);
  console.log(`Floor         ${figures.floor_images_per_s} images/s (bare sharp decode + thumbnail)`);
  console.log(`Ratio         ${figures.ingest_ratio} × floor (target ≥ 0.6)`);
  console.log(`Search        p50 ${figures.search_p50_ms} ms, p95 ${figures.search_p95_ms} ms at ${search.assets} assets (target p95 ≤ 50 ms)`);
  console.log(`Peak RSS      ${figures.peak_rss_mb} MB (ingest ${figures.ingest_peak_rss_mb} MB, search ${figures.search_peak_rss_mb} MB; target ≤ 1024 MB)`);
  console.log(`Model cost    $${figures.cost_per_1000_usd} per 1,000 images with ${cost.model} (naive $${figures.naive_cost_per_1000_usd}; ${figures.cost_ratio} ×; ${cost.skipped} not sent; ${Math.round(cost.inputTokensPerImage)} in + ${Math.round(cost.outputTokensPerImage)} out tokens per image; target ≤ $0.40)`);
  console.log(`Review next   p50 ${figures.review_next_p50_ms} ms, p95 ${figures.review_next_p95_ms} ms over ${review.items} items in a ${review.queue}-item queue, keypress to next item painted (target p95 ≤ 100 ms); page opens in ${figures.review_open_ms} ms`);
  if (options.json) console.log(JSON.stringify(figures));
} finally {
  await fs.rm(scratch, { recursive: true, force: true });
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

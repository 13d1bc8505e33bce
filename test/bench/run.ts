/**
 * `npm run bench [-- --only search,scale,review,highlights,streaming,ingest,cost,ads,labels,team] [--count N] [--scale-assets N] [--json]`:
 * search latency on a 100,000-asset store; the library at scale (open, RSS, store size, search and review latency,
 * stalls; 250,000 assets by default); review latency (keypress to next item shown) in browser mode; ingest
 * throughput against a bare-sharp floor measured in the same run on the same files (generated images, and real ones
 * once `npm run ingest-set:assemble` has fetched them); peak RSS; the model cost per 1,000 images; ad render time
 * per variant (still and live) against a compositing floor; the pattern labels' per-class precision, recall and
 * macro-F1 on real images (`npm run eval:assemble` first); what reviewers change over 100,000 decisions; and a team
 * library on PostgreSQL with two reviewers in two processes. Each measurement runs in its own process so peak RSS
 * and warm caches are its own; each part prints its figures as soon as it has them, those needing no corpus first.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { assembledIngestSet } from '../../scripts/ingest-set/ingest-set';
import { ensureCorpus } from './corpus';

type Figures = Record<string, number | string>;

const PARTS = [
  'search',
  'scale',
  'review',
  'highlights',
  'streaming',
  'ingest',
  'cost',
  'ads',
  'labels',
  'team',
] as const;
type Part = (typeof PARTS)[number];

const program = new Command()
  .option('--only <parts>', `comma-separated parts to run (${PARTS.join(', ')})`, PARTS.join(','))
  .option('--count <n>', 'images in the generated corpus', '600')
  .option('--search-assets <n>', 'assets in the synthetic search store', '100000')
  .option('--scale-assets <n>', 'assets in the cached scale library (built once per size)', '250000')
  .option('--review-queue <n>', 'pending items in the synthetic review queue', '10000')
  .option('--team-items <n>', 'items two team reviewers work through at once', '400')
  .option('--json', 'print the figures as one JSON object on the last line')
  .parse();
const options = program.opts<{
  only: string;
  count: string;
  searchAssets: string;
  scaleAssets: string;
  reviewQueue: string;
  teamItems: string;
  json?: boolean;
}>();
const count = Number(options.count);
const REVIEW_ITEMS = 200;

const only = new Set(options.only.split(',').map((part) => part.trim()));
const unknown = [...only].filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknown.length > 0) program.error(`unknown part(s): ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);

const projectRoot = path.resolve(import.meta.dirname, '../..');
const benchDir = path.join(projectRoot, '.bench');
const log = (line: string) => process.stderr.write(line + '\n');

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

async function corpus(): Promise<string> {
  log(`Corpus: ${count} images (1–12 MP, JPEG/PNG/WebP, patterns and photo-like), cached in .bench/`);
  let shown = 0;
  const files = await ensureCorpus(benchDir, count, (p) => {
    if (p.done - shown < 50 && p.done !== p.total) return; // every 50 images, and the last
    shown = p.done;
    log(`  generated ${p.done}/${p.total} (${round(p.perSecond, 1)} images/s, ${Math.round(p.etaSeconds)} s left)`);
  });
  return path.dirname(files[0]);
}

async function searchPart(scratch: string): Promise<Figures> {
  log(`Search: ${options.searchAssets} synthetic assets…`);
  const search = await runWorker('search-worker.ts', [path.join(scratch, 'search'), options.searchAssets]);
  console.log(
    `Search        p50 ${round(search.p50Ms)} ms, p95 ${round(search.p95Ms)} ms at ${search.assets} assets` +
      ` (target p95 ≤ 50 ms); peak RSS ${Math.round(search.peakRssMb)} MB`,
  );
  console.log(
    `Sentences     ranked by parts matched p95 ${round(search.rankedP95Ms)} ms; built-in interpreter p95` +
      ` ${round(search.parserP95Ms, 3)} ms per sentence`,
  );
  return {
    search_assets: search.assets,
    search_p50_ms: round(search.p50Ms),
    search_p95_ms: round(search.p95Ms),
    search_peak_rss_mb: Math.round(search.peakRssMb),
    search_ranked_p95_ms: round(search.rankedP95Ms),
    search_parser_p95_ms: round(search.parserP95Ms, 3),
  };
}

async function scalePart(): Promise<Figures> {
  const assets = Number(options.scaleAssets);
  log(`Scale: a ${assets.toLocaleString('en')}-asset library with a model answer each (built once, cached in .bench)…`);
  const built = (await runWorker('scale-build.ts', [benchDir, String(assets)])) as unknown as {
    dataDir: string;
    photosDir: string;
  };
  // A copy per run: the run's review decisions would otherwise pile up in the cached library and move every figure.
  const dataDir = path.join(benchDir, `scale-run-${process.pid}`);
  await fs.cp(built.dataDir, dataDir, { recursive: true, filter: (from) => path.basename(from) !== 'library.index' });
  try {
    // First from the records alone (as after a crash), whose close writes the open index; then as a library opens.
    const cold = await runWorker('scale-worker.ts', [dataDir, String(assets), 'records']);
    const s = await runWorker('scale-worker.ts', [dataDir, String(assets), 'open', built.photosDir]);
    return scaleFigures(cold, s);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

function scaleFigures(cold: Record<string, number>, s: Record<string, number>): Figures {
  const kb = (mb: number) => (mb * 1024) / s.assets;
  console.log(
    `Scale         ${s.assets} assets: open ${round(s.openSeconds)} s to the first search result (target ≤ 2 s), RSS` +
      ` ${Math.round(s.rssAfterOpenMb)} MB after open (≤ 600), peak ${Math.round(s.peakRssMb)} MB; from its` +
      ` records alone (no open index, as after a crash) ${round(cold.openSeconds)} s and` +
      ` ${Math.round(cold.rssAfterOpenMb)} MB, close writing the index ${round(cold.closeSeconds)} s` +
      ` (${round(kb(cold.indexMb))} KB per asset); store ${Math.round(s.storeMb)} MB (${round(kb(s.storeMb))} KB` +
      ` per asset, ≤ 1.5; ${round(kb(s.storeMb + cold.indexMb))} KB with the open index beside it); search p95` +
      ` ${round(s.searchP95Ms)} ms (≤ 50); review decision p95 ${round(s.reviewP95Ms)} ms (≤ 20); longest stall` +
      ` ${Math.round(s.maxStallMs)} ms while reviewing (≤ 50), ${Math.round(s.maxIngestStallMs)} ms while ingesting` +
      ` ${s.ingestedImages} photos into it (${round(s.ingestImagesPerS)} images/s)`,
  );
  return {
    scale_assets: s.assets,
    scale_open_s: round(s.openSeconds),
    scale_open_from_records_s: round(cold.openSeconds),
    scale_close_writing_index_s: round(cold.closeSeconds),
    scale_open_index_mb: Math.round(cold.indexMb),
    scale_rss_mb: Math.round(s.rssAfterOpenMb),
    scale_peak_rss_mb: Math.round(s.peakRssMb),
    scale_store_mb: Math.round(s.storeMb),
    scale_search_p95_ms: round(s.searchP95Ms),
    scale_review_p95_ms: round(s.reviewP95Ms),
    scale_max_stall_ms: Math.round(s.maxStallMs),
    scale_ingest_max_stall_ms: Math.round(s.maxIngestStallMs),
  };
}

async function reviewPart(scratch: string): Promise<Figures> {
  log(`Review: ${options.reviewQueue}-item queue in browser mode (Chromium), ${REVIEW_ITEMS} items accepted with A…`);
  const review = await runWorker('review-latency.ts', [
    path.join(scratch, 'review'),
    options.reviewQueue,
    String(REVIEW_ITEMS),
  ]);
  console.log(
    `Review next   p50 ${round(review.p50Ms)} ms, p95 ${round(review.p95Ms)} ms over ${review.items} items in a` +
      ` ${review.queue}-item queue, keypress to next item painted (target p95 ≤ 50 ms); page opens in ${Math.round(review.openMs)} ms`,
  );
  return {
    review_queue: review.queue,
    review_next_p50_ms: round(review.p50Ms),
    review_next_p95_ms: round(review.p95Ms),
    review_open_ms: Math.round(review.openMs),
  };
}

interface IngestRun {
  rate: number;
  floorRate: number;
  images: number;
  seconds: number;
  peakRssMb: number;
  /** Floor CPU time per image over the ingest's (all threads): steadier than throughput on a shared machine. */
  cpuRatio: number;
}

/** The floor, then the full ingest, over the same folder in the same run: their ratio is what is compared. */
async function measureIngest(imagesDir: string, dataDir: string, floorOut: string): Promise<IngestRun> {
  log('Floor: bare sharp decode + 256 px thumbnail, all cores…');
  const floor = await runWorker('ingest-worker.ts', ['floor', imagesDir, floorOut]);
  log('Ingest: full Swatchbook pipeline (hash, decode once, analyse, segment, cache, store)…');
  const ingest = await runWorker('ingest-worker.ts', ['ingest', imagesDir, dataDir]);
  const { images, seconds, peakRssMb } = ingest;
  const cpuRatio = floor.cpuMsPerImage / ingest.cpuMsPerImage;
  return { rate: images / seconds, floorRate: floor.images / floor.seconds, images, seconds, peakRssMb, cpuRatio };
}

function printIngest(label: string, run: IngestRun, what: string): void {
  console.log(`${label}${round(run.rate)} images/s (${run.images} ${what} in ${round(run.seconds)} s)`);
  console.log(`Floor         ${round(run.floorRate)} images/s (bare sharp decode + thumbnail, same files)`);
  console.log(
    `Ratio         ${round(run.rate / run.floorRate)} × floor (target ≥ 0.8), CPU per image ${round(run.cpuRatio)} × floor's;` +
      ` ingest peak RSS ${Math.round(run.peakRssMb)} MB`,
  );
}

/** The real-image set when it is assembled (`npm run ingest-set:assemble`); skipped, with how to get it, when not. */
async function realIngest(scratch: string): Promise<Figures> {
  const set = assembledIngestSet();
  if ('missing' in set) {
    log(`Real ingest skipped: ${set.missing}`);
    return {};
  }
  log(`Real images: ${set.images.length} photographs, scans, wallpapers and textures (1–12 MP) from Debian packages…`);
  const run = await measureIngest(set.dir, path.join(scratch, 'ingest-real'), path.join(scratch, 'floor-real'));
  printIngest('Ingest real   ', run, 'real images');
  // JPEG photographs alone as well: the floor decodes them at 1/8 scale, where PNG costs both legs a full decode.
  const jpegDir = path.join(scratch, 'real-jpeg');
  await fs.mkdir(jpegDir, { recursive: true });
  for (const img of set.images.filter((i) => i.format === 'jpeg'))
    await fs.copyFile(img.file, path.join(jpegDir, path.basename(img.file)));
  const jpeg = await measureIngest(jpegDir, path.join(scratch, 'ingest-jpeg'), path.join(scratch, 'floor-jpeg'));
  printIngest('Ingest JPEG   ', jpeg, 'real JPEG images');
  return {
    ingest_real_images: run.images,
    ingest_real_images_per_s: round(run.rate),
    floor_real_images_per_s: round(run.floorRate),
    ingest_ratio_real: round(run.rate / run.floorRate),
    ingest_cpu_ratio_real: round(run.cpuRatio),
    ingest_real_peak_rss_mb: Math.round(run.peakRssMb),
    ingest_ratio_real_jpeg: round(jpeg.rate / jpeg.floorRate),
    ingest_cpu_ratio_real_jpeg: round(jpeg.cpuRatio),
  };
}

async function ingestPart(corpusDir: string, dataDir: string, scratch: string): Promise<Figures> {
  const run = await measureIngest(corpusDir, dataDir, path.join(scratch, 'floor'));
  printIngest('Ingest        ', run, 'generated images');
  return {
    images: count,
    ingested: run.images,
    ingest_images_per_s: round(run.rate),
    floor_images_per_s: round(run.floorRate),
    ingest_ratio: round(run.rate / run.floorRate),
    ingest_cpu_ratio: round(run.cpuRatio),
    ingest_peak_rss_mb: Math.round(run.peakRssMb),
  };
}

async function costPart(dataDir: string): Promise<Figures> {
  log('Cost: what Claude 3 Haiku would be sent for the ingested corpus, against the naive whole-image pipeline…');
  const cost = await runWorker('cost-worker.ts', [dataDir]);
  const saving = Math.round((1 - cost.batchPer1000Usd / cost.costPer1000Usd) * 100);
  console.log(
    `Model cost    $${round(cost.costPer1000Usd, 4)} per 1,000 images with ${cost.model} (naive` +
      ` $${round(cost.naivePer1000Usd, 4)}; ${cost.skipped} not sent; ${Math.round(cost.inputTokensPerImage)} in +` +
      ` ${Math.round(cost.outputTokensPerImage)} out tokens per image; target ≤ $0.40)\nBatch job     ` +
      `$${round(cost.batchPer1000Usd, 4)} per 1,000 images as a Bedrock batch job (${saving} % under on demand)`,
  );
  return {
    cost_per_1000_usd: round(cost.costPer1000Usd, 4),
    naive_cost_per_1000_usd: round(cost.naivePer1000Usd, 4),
    cost_ratio: round(cost.costPer1000Usd / cost.naivePer1000Usd),
    batch_cost_per_1000_usd: round(cost.batchPer1000Usd, 4),
  };
}

async function adsPart(scratch: string): Promise<Figures> {
  log('Ads: every theme in every channel format for three drawn product photos, local compositor…');
  const dir = path.join(scratch, 'ads');
  await fs.mkdir(dir, { recursive: true });
  const ads = await runWorker('ads-worker.ts', [dir]);
  console.log(
    `Ad variant    ${Math.round(ads.msPerVariant)} ms per variant over ${ads.variants} (${ads.ready} ready,` +
      ` ${ads.attention} need attention); floor ${Math.round(ads.floorMsPerVariant)} ms (product on a flat colour,` +
      ` PNG); ${round(ads.msPerVariant / ads.floorMsPerVariant, 1)} × floor`,
  );
  console.log(
    `Live variant  ${Math.round(ads.msPerLiveVariant)} ms per live variant over ${ads.liveVariants} formats (still +` +
      ` 4 s loop; ${ads.liveWithMp4} with MP4; WebP ${Math.round(ads.liveWebpKb)} KB on average)`,
  );
  return {
    ad_ms_per_variant: Math.round(ads.msPerVariant),
    ad_floor_ms_per_variant: Math.round(ads.floorMsPerVariant),
    ad_ms_per_live_variant: Math.round(ads.msPerLiveVariant),
  };
}

async function highlightsPart(scratch: string): Promise<Figures> {
  log('Highlights: what reviewers change, over 100,000 decisions on 20,000 items…');
  const h = await runWorker('highlights-worker.ts', [scratch]);
  console.log(
    `Highlights    ${h.decisions} decisions: first report ${Math.round(h.firstMs)} ms (counts every item), refresh` +
      ` after one decision p50 ${round(h.refreshP50Ms)} ms, max ${round(h.refreshMaxMs)} ms (target ≤ 100 ms per refresh)`,
  );
  return {
    highlights_first_ms: Math.round(h.firstMs),
    highlights_refresh_p50_ms: round(h.refreshP50Ms),
    highlights_refresh_max_ms: round(h.refreshMaxMs),
  };
}

async function streamingPart(): Promise<Figures> {
  log('Streaming: a product description through ConverseStream to the live events, against the same answer whole…');
  const t = await runWorker('streaming-worker.ts', []);
  console.log(
    `Streaming     first words after p50 ${Math.round(t.streamedFirstP50Ms)} ms, p95 ${Math.round(t.streamedFirstP95Ms)} ms` +
      ` (the fake model thinks ${t.thinkMs} ms first); whole answer ${Math.round(t.streamedWholeP50Ms)} ms streamed,` +
      ` ${Math.round(t.wholeP50Ms)} ms asked whole (nothing shows until then); ${t.runs} runs`,
  );
  return {
    streaming_first_p50_ms: Math.round(t.streamedFirstP50Ms),
    streaming_first_p95_ms: Math.round(t.streamedFirstP95Ms),
    streaming_whole_p50_ms: Math.round(t.wholeP50Ms),
  };
}

async function labelsPart(): Promise<Figures> {
  log('Labels: the local analyzer on the real-image evaluation set (per-class tables below) and the generated set…');
  const l = await runWorker('labels-worker.ts', []);
  console.log(
    `Labels        macro-F1 ${round(l.testMacroF1)} on ${l.testImages} real test images (${round(l.testMacroF1Any)} counting` +
      ` any label the person gave), ${round(l.cvMacroF1)} (${round(l.cvMacroF1Any)}) in 5-fold cross-validation over` +
      ` ${l.cvImages}; generated set ${round(l.generatedMacroF1)} (target ≥ 0.80 on real images)`,
  );
  return {
    labels_test_macro_f1: round(l.testMacroF1),
    labels_test_macro_f1_any: round(l.testMacroF1Any),
    labels_cv_macro_f1: round(l.cvMacroF1),
    labels_cv_macro_f1_any: round(l.cvMacroF1Any),
    labels_generated_macro_f1: round(l.generatedMacroF1),
  };
}

/** Decisions timed from one member's engine to the other's screen. */
const TEAM_SCREEN_DECISIONS = 40;

async function teamPart(scratch: string): Promise<Figures> {
  log(`Team: two reviewers (two processes) on one PostgreSQL, ${options.teamItems} items in one queue…`);
  const t = await runWorker('team-worker.ts', [path.join(scratch, 'team'), options.teamItems]);
  console.log(
    `Team review   ${round(t.decisionsPerSecond, 1)} decisions/s with two reviewers (${t.byAnn} + ${t.byBen} of` +
      ` ${t.items}; ${t.decidedItems} items decided, ${t.decisionsRecorded} decisions recorded)`,
  );
  console.log(
    `Team latency  one member's decision on the other's copy: p50 ${Math.round(t.latencyP50Ms)} ms, p95` +
      ` ${Math.round(t.latencyP95Ms)} ms, max ${Math.round(t.latencyMaxMs)} ms (to the screen: next line)`,
  );
  log('Team: one member decides, the other watches the library in the browser…');
  const screen = await runWorker('team-screen.ts', [path.join(scratch, 'team-screen'), String(TEAM_SCREEN_DECISIONS)]);
  console.log(
    `Team screen   one member's decision to the other's screen (browser mode, ${screen.decisions} decisions ` +
      `${screen.paceMs} ms apart): p50 ${screen.p50Ms} ms, p95 ${screen.p95Ms} ms, max ${screen.maxMs} ms (target p95 ≤ 1 s)`,
  );
  return {
    team_decisions_per_second: round(t.decisionsPerSecond, 1),
    team_latency_p50_ms: Math.round(t.latencyP50Ms),
    team_latency_p95_ms: Math.round(t.latencyP95Ms),
    team_screen_p50_ms: screen.p50Ms,
    team_screen_p95_ms: screen.p95Ms,
  };
}

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'swatchbook-bench-'));
const figures: Figures = {};
const wanted = (part: Part) => only.has(part);
try {
  if (wanted('search')) Object.assign(figures, await searchPart(scratch));
  if (wanted('scale')) Object.assign(figures, await scalePart());
  if (wanted('review')) Object.assign(figures, await reviewPart(scratch));
  if (wanted('highlights')) Object.assign(figures, await highlightsPart(scratch));
  if (wanted('streaming')) Object.assign(figures, await streamingPart());
  if (wanted('ads')) Object.assign(figures, await adsPart(scratch));
  if (wanted('labels')) Object.assign(figures, await labelsPart());
  if (wanted('team')) Object.assign(figures, await teamPart(scratch));
  if (wanted('ingest') || wanted('cost')) {
    const ingestDir = path.join(scratch, 'ingest');
    const measured = await ingestPart(await corpus(), ingestDir, scratch);
    if (wanted('ingest')) Object.assign(figures, measured, await realIngest(scratch));
    if (wanted('cost')) Object.assign(figures, await costPart(ingestDir));
  }
  const rss = [figures.ingest_peak_rss_mb, figures.ingest_real_peak_rss_mb, figures.search_peak_rss_mb].filter(
    (v): v is number => typeof v === 'number',
  );
  if (rss.length > 0) {
    figures.peak_rss_mb = Math.max(...rss);
    console.log(`Peak RSS      ${figures.peak_rss_mb} MB over the measured parts (target ≤ 1024 MB)`);
  }
  if (options.json) console.log(JSON.stringify(figures));
} finally {
  await fs.rm(scratch, { recursive: true, force: true });
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

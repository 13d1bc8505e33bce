/**
 * Builds a 100,000-asset store in a temp folder and times a mix of searches.
 * Usage: npx tsx test/integration/store/measure-search.ts [count]
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SearchQuery } from '../../../shared/model';
import { openLibraryStore, type LibraryStore } from '../../../electron/store';
import { makeSyntheticAssets, seededRandom } from '../../unit/store/synthetic-assets';

const count = Number(process.argv[2] ?? 100_000);
const random = seededRandom(99);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];

async function timed<T>(label: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

function queryMix(hashes: string[]): Record<string, () => SearchQuery> {
  return {
    'no filter, date': () => ({}),
    text: () => ({ text: pick(['floral', 'design-12', 'summer navy', 'prints 2023', 'zzz']) }),
    facets: () => ({
      patterns: [pick(['stripes', 'dots', 'floral/organic'] as const)],
      colours: [pick(['navy', 'red', 'sage'])],
      orientations: ['landscape'],
    }),
    'folder + tag + status': () => ({
      folders: ['/library/prints/2023'],
      tags: [pick(['summer', 'kids'])],
      statuses: ['unreviewed', 'accepted'],
    }),
    colourNear: () => ({
      colourNear: { hex: pick(['#1b2a4a', '#d21f1f', '#9caf88', '#f7e11e']), tolerance: pick([8, 12, 25]) },
    }),
    'colourNear + facet': () => ({ colourNear: { hex: '#1b2a4a' }, patterns: ['stripes', 'checks'] }),
    similarTo: () => ({ similarTo: pick(hashes) }),
    'sort name': () => ({ sort: 'name', order: pick(['asc', 'desc'] as const) }),
    'sort colourfulness, deep page': () => ({ sort: 'colourfulness', offset: 5000, limit: 200 }),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Wall time, and CPU time (less distorted when other processes share the 2 cores). */
function time(work: () => void): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  work();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function report(label: string, samples: { wall: number; cpu: number }[]): void {
  const wall = samples.map((s) => s.wall).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpu).sort((a, b) => a - b);
  const ms = (n: number) => n.toFixed(1).padStart(6);
  console.log(
    `  ${label.padEnd(30)} wall p50 ${ms(percentile(wall, 50))}  p95 ${ms(percentile(wall, 95))}   cpu p50 ${ms(percentile(cpu, 50))}  p95 ${ms(percentile(cpu, 95))}`,
  );
}

function measure(store: LibraryStore, hashes: string[]): void {
  const all: { wall: number; cpu: number }[] = [];
  for (const [label, make] of Object.entries(queryMix(hashes))) {
    for (let i = 0; i < 5; i++) store.search(make()); // warm-up
    const samples = Array.from({ length: 40 }, () => {
      const query = make();
      return time(() => store.search(query));
    });
    all.push(...samples);
    report(label, samples);
  }
  report('ALL', all);
  report(
    'moreLikeThis + nearDuplicates',
    hashes.slice(0, 20).map((hash) => time(() => (store.moreLikeThis(hash, 50), store.nearDuplicates(hash)))),
  );
}

/** Records the assets through the public interface; returns their hashes (the assets are let go). */
async function build(dir: string): Promise<string[]> {
  const assets = await timed(`generate ${count} assets`, () => makeSyntheticAssets(count, 1));
  const store = await openLibraryStore(dir, { snapshotIntervalMs: 3_600_000 });
  for (const folder of ['/library/prints', '/library/swatches', '/library/photos', '/mnt/archive/designs'])
    store.addFolder(folder);
  await timed('record (journal appends)', () => assets.forEach((a) => store.recordAsset(a.locations[0], a)));
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  await timed('snapshot write', () => store.flush());
  stalls.disable();
  console.log(`longest event-loop stall while writing the snapshot: ${(stalls.max / 1e6).toFixed(0)} ms`);
  console.log(`library.json: ${((await stat(join(dir, 'library.json'))).size / 1e6).toFixed(0)} MB`);
  await store.close();
  return assets.map((a) => a.hash);
}

const dir = await mkdtemp(join(tmpdir(), 'swatchbook-bench-'));
try {
  const hashes = await build(dir);
  const reopened = await timed('reopen', () => openLibraryStore(dir));
  global.gc?.();
  console.log(`heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  measure(reopened, hashes);
  await reopened.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync, truncateSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchQuery } from '../../../shared/model';
import type { LibraryStore } from '../../../electron/store';
import { ShardedJsonFiles } from '../../../electron/store/sharded-json-files';
import { SectionReader } from '../../../electron/store/open-index/sections';
import { shardOf } from '../../../electron/store/record-shards';
import { makeAsset, makeSyntheticAssets, seededRandom } from '../../unit/store/synthetic-assets';
import { makeTempDir, openTempStore } from '../../unit/store/temp-store';
import { HASHES, randomStep } from './random-library-work';

const run = promisify(execFile);
const CRASH_WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const indexOf = (dir: string) => join(dir, 'library.index');

const byHash = (a: { hash: string }, b: { hash: string }) => a.hash.localeCompare(b.hash);
const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);

/** Everything a person or the app can ask of the library, for comparing two ways of opening it. */
function observe(store: LibraryStore) {
  const some = HASHES.filter((hash) => store.getAsset(hash));
  // Ties are in slot order, which reading shards deals out anew: compared as sets.
  const search = (query: SearchQuery) => {
    const { items, ...rest } = store.search(query);
    return { ...rest, items: items.sort(byHash) };
  };
  return {
    all: search({ limit: 1000, sort: 'name' }),
    words: search({ text: 'dots scans' }),
    facets: search({ patterns: ['dots'], tags: ['tag-1'], sort: 'colourfulness' }),
    colour: search({ colourNear: { hex: '#aa3322' }, limit: 10 }),
    similar: some.length ? store.moreLikeThis(some[0], 40).sort(byHash) : [],
    twins: some.length ? store.nearDuplicates(some[0]).sort(byHash) : [],
    assets: HASHES.map((hash) => store.getAsset(hash) ?? null),
    answers: HASHES.map((hash) => [store.analysis.listModelAnalyses(hash), store.analysis.analysisHeads(hash)]),
    reviews: HASHES.map((hash) => [store.reviews.reviewStatus(hash), store.reviews.fieldReviews(hash)]),
    decisions: store.reviews.listReviewDecisions(),
    corrections: HASHES.map((hash) => store.corrections.standingCorrections(hash)),
    correctionLog: store.corrections.listLabelCorrections(),
    // In no promised order (the order files were first seen in, which reading shards changes).
    files: store.listFiles().sort(byPath),
    errors: store.listErrors().sort(byPath),
    tags: store.listTags(),
    stats: store.stats(),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the open index', () => {
  it('opens a library to exactly what reading its records gives, over random work and reopenings', async () => {
    const random = seededRandom(23);
    const dir = await makeTempDir();
    let store = (await openTempStore({}, dir)).store;
    store.addFolder('/lib');
    for (let round = 0; round < 4; round++) {
      for (let step = round * 150; step < (round + 1) * 150; step++) {
        randomStep(store, seededRandom(random() * 1e9), step);
        if (random() < 0.05) await store.flush();
      }
      await store.close();
      expect(existsSync(indexOf(dir))).toBe(true);
      const reading = vi.spyOn(ShardedJsonFiles.prototype, 'shards').mockClear();
      const indexed = (await openTempStore({}, dir)).store;
      expect(reading).not.toHaveBeenCalled();
      const seen = observe(indexed);
      await indexed.close();
      rmSync(indexOf(dir));
      const fromRecords = (await openTempStore({}, dir)).store;
      expect(reading).toHaveBeenCalled();
      expect(seen).toEqual(observe(fromRecords));
      await fromRecords.close();
      // The next round works on a library opened from its index: its snapshots must be right too.
      store = (await openTempStore({}, dir)).store;
    }
    expect(store.stats().assets).toBeGreaterThan(10);
  });

  it('holds vectors on the byte grid as their bytes, and an older analysis’s vectors as float32, each read back the same', async () => {
    const sections = (dir: string) => {
      const index = new SectionReader(indexOf(dir));
      const has = [index.has('index.vectors.bytes'), index.has('index.vectors.data')];
      index.close();
      return has;
    };
    const older = makeSyntheticAssets(1, 9).map((a) => ({ ...a, vector: a.vector.map((v, i) => (i % 3 ? v : -v)) }));
    for (const [assets, expected] of [
      [makeSyntheticAssets(30, 8), [true, false]],
      [
        [...makeSyntheticAssets(30, 8), ...older],
        [false, true],
      ],
    ] as const) {
      const dir = await makeTempDir();
      const store = (await openTempStore({}, dir)).store;
      for (const asset of assets) store.recordAsset({ path: asset.locations[0].path, fileSize: 1, mtimeMs: 1 }, asset);
      const similar = store.moreLikeThis(assets[0].hash, 10);
      await store.close();
      expect(sections(dir)).toEqual(expected);
      const reopened = (await openTempStore({}, dir)).store;
      expect(reopened.moreLikeThis(assets[0].hash, 10)).toEqual(similar);
      await reopened.close();
    }
  });

  it('takes the journal written after it (a crash before any snapshot) on top of it', async () => {
    const { store, dir } = await openTempStore();
    HASHES.slice(0, 30).forEach((hash, i) => {
      store.recordAsset(
        { path: `/kept/${i}.jpg`, fileSize: 1, mtimeMs: 1 },
        makeAsset({ hash, path: `/kept/${i}.jpg` }),
      );
    });
    await store.close();
    await expect(run(process.execPath, ['--import', 'tsx', CRASH_WRITER, dir, '20'])).rejects.toMatchObject({
      signal: 'SIGKILL',
    });
    const reading = vi.spyOn(ShardedJsonFiles.prototype, 'shards');
    const { store: reopened } = await openTempStore({}, dir);
    expect(reading).not.toHaveBeenCalled();
    expect(reopened.stats().assets).toBe(50);
    expect(reopened.listJobs(['queued']).map((job) => job.path)).toEqual(['/library/next.jpg']);
  });

  it('is not used, and nothing is lost, when the records changed after it was written', async () => {
    const { store, dir } = await openTempStore();
    const assets = makeSyntheticAssets(30, 7);
    for (const asset of assets) store.recordAsset(asset.locations[0], asset);
    await store.close();
    const index = readFileSync(indexOf(dir));
    const { store: again } = await openTempStore({}, dir);
    again.setTags([assets[3].hash], ['kept'], []);
    await again.close();
    // An index older than the records (copied back from a backup, say) names shard files that are gone.
    writeFileSync(indexOf(dir), index);
    const reading = vi.spyOn(ShardedJsonFiles.prototype, 'shards');
    const { store: reopened } = await openTempStore({}, dir);
    expect(reading).toHaveBeenCalled();
    expect(reopened.getAsset(assets[3].hash)?.tags).toContain('kept');
    expect(reopened.search({ tags: ['kept'] }).total).toBe(1);
  });

  it('is not used when a shard file was edited by hand, or when it is damaged', async () => {
    const { store, dir } = await openTempStore();
    const assets = makeSyntheticAssets(30, 7);
    for (const asset of assets) store.recordAsset(asset.locations[0], asset);
    await store.close();
    const shard = readdirSync(join(dir, 'records')).find((name) => name.startsWith(`${shardOf(assets[0].hash)}.`))!;
    const file = join(dir, 'records', shard);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"tags":\[[^\]]*\]/, '"tags":["by-hand"]'));
    const { store: edited } = await openTempStore({}, dir);
    expect(edited.search({ tags: ['by-hand'] }).total).toBe(1);
    await edited.close();
    truncateSync(indexOf(dir), 5_000);
    const { store: damaged } = await openTempStore({}, dir);
    expect(damaged.stats().assets).toBe(30);
    expect(damaged.search({ tags: ['by-hand'] }).total).toBe(1);
  });
});

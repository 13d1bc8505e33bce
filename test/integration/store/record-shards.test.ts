import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorruptLibraryError, type StoreOpenProgress } from '../../../electron/store';
import { emptyDocument } from '../../../electron/store/document';
import { shardOf } from '../../../electron/store/record-shards';
import { acceptedStyle, answer, HAIKU } from '../review/review-fixture';
import { libraryFiles, readLibraryDocument } from '../../support/library-files';
import { makeSyntheticAssets } from '../../unit/store/synthetic-assets';
import { makeTempDir, openTempStore } from '../../unit/store/temp-store';

const head = (dir: string) => JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8'));
const shardFiles = (dir: string) => readdirSync(join(dir, 'records')).sort();

const decision = (hash: string, at: number) => acceptedStyle(hash, at, `d-${hash}-${at}`);

async function libraryOf(count: number) {
  const { store, dir } = await openTempStore();
  const assets = makeSyntheticAssets(count, 5);
  for (const asset of assets) {
    store.recordAsset(asset.locations[0], asset);
    store.analysis.recordModelAnalysis(answer(asset.hash, HAIKU, {}, asset.addedAt));
  }
  store.recordError('/library/broken.jpg', 'could not read the file');
  await store.flush();
  return { store, dir, assets };
}

/** A schema-6 library as one library.json: `count` images, each with its file record and a Haiku answer. */
async function singleFileLibrary(count: number, seed: number) {
  const dir = await makeTempDir();
  const assets = makeSyntheticAssets(count, seed);
  const v6 = {
    ...emptyDocument(),
    schemaVersion: 6,
    assets,
    files: assets.map((a) => ({ ...a.locations[0], hash: a.hash, error: null, errorAt: null })),
    modelAnalyses: assets.map((a) => answer(a.hash, HAIKU)),
  };
  writeFileSync(join(dir, 'library.json'), JSON.stringify(v6));
  return { dir, assets };
}

describe('the library as a folder of JSON files', () => {
  it('keeps each image’s records in a shard file by hash prefix, and the rest in library.json', async () => {
    const { store, dir, assets } = await libraryOf(300);
    await store.close();
    const top = head(dir);
    expect(top.assets).toBeUndefined();
    expect(top.modelAnalyses).toBeUndefined();
    expect(top.files).toEqual([expect.objectContaining({ path: '/library/broken.jpg', hash: null })]);
    const shard = shardOf(assets[0].hash);
    const file = `${shard}.${top.recordShards[shard]}.json`;
    const records = JSON.parse(readFileSync(join(dir, 'records', file), 'utf8'));
    expect(records.assets.map((a: { hash: string }) => a.hash)).toContain(assets[0].hash);
    expect(records.modelAnalyses.every((a: { hash: string }) => shardOf(a.hash) === shard)).toBe(true);
    expect(shardFiles(dir)).toHaveLength(Object.keys(top.recordShards).length);

    const { store: reopened } = await openTempStore({}, dir);
    expect(reopened.stats().assets).toBe(300);
    const { vector, analysis, ...rest } = reopened.getAsset(assets[42].hash)!;
    const { vector: original, analysis: analysed, ...expected } = assets[42];
    expect(rest).toEqual(expected);
    // Vectors on the analyzer's 4-decimal grid are kept exactly, as 16-bit integers (read in float32, as search compares them).
    expect(vector).toEqual(original.map(Math.fround));
    expect(readFileSync(join(dir, 'records', file), 'utf8')).toMatch(/"vector":"u8:/);
    // Palette numbers to four decimals (~0.01 ΔE in OKLab); the rest of the analysis as it was.
    expect({ ...analysis, palette: [], colourfulness: 0 }).toEqual({ ...analysed, palette: [], colourfulness: 0 });
    expect(analysis.colourfulness).toBeCloseTo(analysed.colourfulness, 4);
    analysis.palette.forEach((colour, i) => {
      expect(colour.hex).toBe(analysed.palette[i].hex);
      expect(colour.share).toBeCloseTo(analysed.palette[i].share, 4);
      colour.lab.forEach((x, k) => expect(x).toBeCloseTo(analysed.palette[i].lab[k], 4));
    });
    expect(readFileSync(join(dir, 'records', file), 'utf8')).not.toMatch(/"share":0\.\d{5}/);
    expect(reopened.analysis.listModelAnalyses(assets[42].hash)).toHaveLength(1);
    expect(reopened.listErrors().map((e) => e.path)).toEqual(['/library/broken.jpg']);
  });

  it('tells how far it has got as it opens from its records, shard by shard (each read and indexed in turn)', async () => {
    const { store, dir } = await libraryOf(30);
    await store.close();
    // Without its open index (a crash before the library closed): see open-index.test.ts.
    rmSync(join(dir, 'library.index'));
    const progress: StoreOpenProgress[] = [];
    const { store: reopened } = await openTempStore({ onProgress: (p) => progress.push(p) }, dir);
    expect(reopened.stats().assets).toBe(30);
    const shards = Object.keys(head(dir).recordShards).length;
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: shards }, (_, i) => i + 1));
    expect(progress.at(-1)).toEqual({ stage: 'reading', done: shards, total: shards, unit: 'shards' });
  });

  it('writes no file record that an image location already says, and keeps those that say more', async () => {
    const { store, dir, assets } = await libraryOf(30);
    const onDisk = () =>
      shardFiles(dir).flatMap((name) => JSON.parse(readFileSync(join(dir, 'records', name), 'utf8')).files);
    expect(onDisk()).toEqual([]);
    // A file that could not be read this time but has not changed keeps its image: its record says more.
    const { path, fileSize, mtimeMs } = assets[3].locations[0];
    store.recordError(path, 'the file is locked', fileSize, mtimeMs);
    await store.flush();
    expect(onDisk()).toEqual([expect.objectContaining({ path, error: 'the file is locked' })]);
    await store.close();
    const { store: reopened } = await openTempStore({}, dir);
    expect(reopened.getFile(assets[4].locations[0].path)).toEqual({
      ...assets[4].locations[0],
      hash: assets[4].hash,
      error: null,
      errorAt: null,
    });
    expect(reopened.getFile(path)).toMatchObject({ hash: assets[3].hash, error: 'the file is locked' });
    expect(reopened.listFiles()).toHaveLength(31);
  });

  it('rewrites only the shard an image lives in when one image changes', async () => {
    const { store, dir, assets } = await libraryOf(300);
    const before = { ...head(dir).recordShards };
    store.reviews.recordReviewDecisions([decision(assets[7].hash, 5)]);
    await store.flush();
    const after = head(dir).recordShards;
    const changed = Object.keys(after).filter((id) => after[id] !== before[id]);
    expect(changed).toEqual([shardOf(assets[7].hash)]);
    // The superseded generation is gone; nothing else was touched.
    expect(shardFiles(dir)).toHaveLength(Object.keys(after).length);
  });

  it('reads a shard back exactly as written, even when a clock went backwards, so nothing else is rewritten', async () => {
    const { store, dir, assets } = await libraryOf(300);
    store.reviews.recordReviewDecisions(assets.slice(0, 100).map((a, i) => decision(a.hash, 1000 + i)));
    store.reviews.recordReviewDecisions([decision(assets[7].hash, 5), decision(assets[150].hash, 7)]);
    await store.close();
    const { store: reopened } = await openTempStore({}, dir);
    const before = { ...head(dir).recordShards };
    reopened.reviews.recordReviewDecisions([decision(assets[8].hash, 2000)]);
    await reopened.flush();
    const after = head(dir).recordShards;
    expect(Object.keys(after).filter((id) => after[id] !== before[id])).toEqual([shardOf(assets[8].hash)]);
  });

  it('gives the review log back in time order across shards', async () => {
    const { store, dir, assets } = await libraryOf(50);
    const decisions = assets.slice(0, 20).map((a, i) => decision(a.hash, 100 + i));
    store.reviews.recordReviewDecisions(decisions);
    await store.close();
    const { store: reopened } = await openTempStore({}, dir);
    expect(reopened.reviews.listReviewDecisions().map((d) => d.id)).toEqual(decisions.map((d) => d.id));
  });

  it('ignores, then clears away, shard files a crash left before library.json named them', async () => {
    const { store, dir, assets } = await libraryOf(100);
    await store.close();
    const shard = shardOf(assets[0].hash);
    const orphan = join(dir, 'records', `${shard}.${head(dir).recordShards[shard] + 1}.json`);
    writeFileSync(orphan, '{"assets":[{"half written');
    const other = shardOf(assets.find((a) => shardOf(a.hash) !== shard)!.hash);
    const otherOrphan = join(dir, 'records', `${other}.${head(dir).recordShards[other] + 5}.json`);
    writeFileSync(otherOrphan, '{');
    const { store: reopened } = await openTempStore({}, dir);
    expect(reopened.stats().assets).toBe(100);
    reopened.setTags([assets[0].hash], ['kept'], []);
    await reopened.flush();
    expect((await readLibraryDocument(dir)).assets.find((a) => a.hash === assets[0].hash)?.tags).toContain('kept');
    expect(readFileSync(orphan, 'utf8')).toMatch(/^\{"shard"/);
    expect(existsSync(otherOrphan)).toBe(false);
  });

  it('refuses to open when a shard library.json names is missing, naming that file', async () => {
    const { store, dir, assets } = await libraryOf(20);
    await store.close();
    const shard = shardOf(assets[3].hash);
    const file = join(dir, 'records', `${shard}.${head(dir).recordShards[shard]}.json`);
    writeFileSync(file, '');
    await expect(openTempStore({}, dir)).rejects.toThrow(CorruptLibraryError);
    await expect(openTempStore({}, dir)).rejects.toThrow(file);
    const { store: fresh } = await openTempStore({ recoverCorrupt: true }, dir);
    expect(fresh.stats().assets).toBe(0);
    expect(readdirSync(dir).some((name) => name.startsWith('records.corrupt-'))).toBe(true);
  });

  it('moves a single-file (schema 6) library into shards on first open, keeping a backup', async () => {
    const { dir } = await singleFileLibrary(40, 9);
    const progress: StoreOpenProgress[] = [];
    const { store } = await openTempStore({ onProgress: (p) => progress.push(p) }, dir);
    expect(store.stats().assets).toBe(40);
    // Written out before open returned, with progress to the last shard.
    expect(head(dir).recordShards).toBeDefined();
    expect(progress.at(-1)).toEqual({ stage: 'writing', done: progress.at(-1)!.total, total: 40, unit: 'shards' });
    await store.close();
    expect(existsSync(join(dir, 'library.json.v6.bak'))).toBe(true);
    expect(head(dir).assets).toBeUndefined();
    const doc = await readLibraryDocument(dir);
    expect(doc.assets).toHaveLength(40);
    expect(doc.modelAnalyses).toHaveLength(40);
  });

  it('resumes a move into shards cut short, without writing again the shards already on disk', async () => {
    const { dir, assets } = await singleFileLibrary(60, 4);
    // The last image's shard cannot be written (a folder stands where its file goes), as a full disk would stop it.
    const blocked = shardOf(assets.at(-1)!.hash);
    mkdirSync(join(dir, 'records', `${blocked}.1.json`), { recursive: true });
    const first = libraryFiles(dir);
    const doc = (await first.read())!;
    await expect(first.write(doc)).rejects.toThrow();
    const written = shardFiles(dir).filter((name) => /^[0-9a-f]{2}\.1\.json$/.test(name) && !name.startsWith(blocked));
    expect(written.length).toBeGreaterThan(10);
    const before = new Map(written.map((name) => [name, statSync(join(dir, 'records', name)).mtimeMs]));
    expect(existsSync(join(dir, 'records', 'migration.json'))).toBe(true);

    rmSync(join(dir, 'records', `${blocked}.1.json`), { recursive: true });
    const again = libraryFiles(dir);
    await again.write((await again.read())!);
    for (const [name, mtimeMs] of before) expect(statSync(join(dir, 'records', name)).mtimeMs).toBe(mtimeMs);
    expect(existsSync(join(dir, 'records', 'migration.json'))).toBe(false);
    const moved = await readLibraryDocument(dir);
    expect(moved.assets.map((a) => a.hash).sort()).toEqual(assets.map((a) => a.hash).sort());
    expect(moved.modelAnalyses).toHaveLength(60);
  });
});

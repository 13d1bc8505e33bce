import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../../electron/store';
import { RecordReadError } from '../../../electron/store/errors';
import { answer, HAIKU } from '../review/review-fixture';
import { makeAsset } from '../../unit/store/synthetic-assets';
import { openTempStore } from '../../unit/store/temp-store';

const HASH = `ab${'12'.repeat(31)}`;
const WRITTEN = 'Roses on navy.';
/** The same length as WRITTEN, so the bytes after it stay where they were. */
const ON_DISK = 'Tulips on red.';

function recordOne(store: LibraryStore, description = WRITTEN, at = 1_000): void {
  store.recordAsset(
    { path: '/lib/rose.jpg', fileSize: 1, mtimeMs: 1 },
    makeAsset({ hash: HASH, path: '/lib/rose.jpg', addedAt: 1, tags: ['spring'] }),
  );
  store.analysis.recordModelAnalysis(answer(HASH, HAIKU, { description }, at));
}

async function shardFileOf(dir: string): Promise<string> {
  const names = await readdir(join(dir, 'records'));
  return join(
    dir,
    'records',
    names.find((name) => name.startsWith('ab.'))!,
  );
}

/** Changes the answer's words in its shard file behind the store's back. */
async function editOnDisk(dir: string): Promise<void> {
  const file = await shardFileOf(dir);
  await writeFile(file, (await readFile(file, 'utf8')).replace(WRITTEN, ON_DISK));
}

const description = (store: LibraryStore) => store.analysis.listModelAnalyses(HASH)[0].attributes.description;

describe('assets in shard files', () => {
  it('are read back from their file once a snapshot has written them (a grid cell comes from the index)', async () => {
    const { store, dir } = await openTempStore();
    recordOne(store);
    await store.flush();
    const file = await shardFileOf(dir);
    // Same length: the bytes after it stay where they were.
    await writeFile(file, (await readFile(file, 'utf8')).replace('"spring"', '"summer"'));
    expect(store.getAsset(HASH)?.tags).toEqual(['summer']);
    expect(store.search({}).items[0].tags).toEqual(['spring']);
  });

  it('tell which file failed when one changed under the open library, and the library stays usable', async () => {
    const { store, dir } = await openTempStore();
    recordOne(store);
    await store.flush();
    const file = await shardFileOf(dir);
    await writeFile(file, '{}');
    expect(() => store.getAsset(HASH)).toThrow(RecordReadError);
    expect(() => store.getAsset(HASH)).toThrow(file);
    expect(store.search({}).total).toBe(1);
  });

  it('keep a change made while a snapshot writes the record before it', async () => {
    const { store } = await openTempStore();
    recordOne(store);
    const writing = store.flush();
    store.setTags([HASH], ['autumn'], ['spring']);
    await writing;
    expect(store.getAsset(HASH)?.tags).toEqual(['autumn']);
    await store.flush();
    expect(store.getAsset(HASH)?.tags).toEqual(['autumn']);
  });
});

describe('model answers in shard files', () => {
  it('are read back from their file once a snapshot has written them, not kept in memory', async () => {
    const { store, dir } = await openTempStore();
    recordOne(store);
    expect(description(store)).toBe(WRITTEN);
    await store.flush();
    await editOnDisk(dir);
    expect(description(store)).toBe(ON_DISK);
    expect(
      store.analysis.findModelAnalysis(HASH, HAIKU, answer(HASH, HAIKU).promptVersion)?.attributes.description,
    ).toBe(ON_DISK);
    expect(store.analysis.analysisHeads(HASH)).toEqual([expect.objectContaining({ modelId: HAIKU, at: 1_000 })]);
  });

  it('are laid out one record per line, as JSON a person can read and diff', async () => {
    const { store, dir } = await openTempStore();
    recordOne(store);
    await store.flush();
    const text = await readFile(await shardFileOf(dir), 'utf8');
    const parsed = JSON.parse(text);
    expect(parsed.modelAnalyses).toHaveLength(1);
    const lines = text.split('\n');
    expect(JSON.parse(lines[lines.indexOf('"modelAnalyses":[') + 1].replace(/,$/, ''))).toEqual(
      parsed.modelAnalyses[0],
    );
  });

  it('leave out what a reader works out, and an answer copied into the next file is still found by its model', async () => {
    const { store, dir } = await openTempStore();
    recordOne(store);
    await store.flush();
    // Another image in the same shard: the next file copies the answer's line as it was.
    const other = `ab${'34'.repeat(31)}`;
    store.recordAsset(
      { path: '/lib/tulip.jpg', fileSize: 1, mtimeMs: 1 },
      makeAsset({ hash: other, path: '/lib/tulip.jpg' }),
    );
    await store.flush();
    const parsed = JSON.parse(await readFile(await shardFileOf(dir), 'utf8'));
    expect(parsed.modelAnalyses[0]).not.toHaveProperty('requestedModelId');
    expect(parsed.assets[0].analysis.palette[0]).not.toHaveProperty('lab');
    const promptVersion = answer(HASH, HAIKU).promptVersion;
    expect(store.analysis.findModelAnalysis(HASH, HAIKU, promptVersion)?.attributes.description).toBe(WRITTEN);
    const palette = store.getAsset(HASH)!.analysis.palette;
    await store.close();

    // Reopened from the index the close wrote, then from the records alone.
    for (const fromRecords of [false, true]) {
      if (fromRecords) await rm(join(dir, 'library.index'), { force: true });
      const { store: reopened } = await openTempStore({}, dir);
      expect(reopened.analysis.findModelAnalysis(HASH, HAIKU, promptVersion)).toEqual(
        answer(HASH, HAIKU, { description: WRITTEN }),
      );
      expect(reopened.getAsset(HASH)!.analysis.palette).toEqual(palette);
      await reopened.close();
    }
  });

  it('keep a newer answer recorded while a snapshot writes the older one', async () => {
    const { store, dir } = await openTempStore();
    recordOne(store);
    const writing = store.flush();
    store.analysis.recordModelAnalysis(answer(HASH, HAIKU, { description: 'Newer words.' }, 2_000));
    await writing;
    expect(description(store)).toBe('Newer words.');
    await store.flush();
    await store.close();
    const reopened = (await openTempStore({}, dir)).store;
    expect(description(reopened)).toBe('Newer words.');
  });

  it('from an older file written on one line are read, and placed once the next snapshot rewrites it', async () => {
    const { store, dir } = await openTempStore();
    recordOne(store);
    await store.close();
    const file = await shardFileOf(dir);
    await writeFile(file, JSON.stringify(JSON.parse(await readFile(file, 'utf8'))));
    const reopened = (await openTempStore({}, dir)).store;
    expect(description(reopened)).toBe(WRITTEN);
    await reopened.flush();
    expect((await readFile(await shardFileOf(dir), 'utf8')).split('\n').length).toBeGreaterThan(5);
    await editOnDisk(dir);
    expect(description(reopened)).toBe(ON_DISK);
  });
});

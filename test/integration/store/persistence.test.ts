import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorruptLibraryError, NewerSchemaError, openLibraryStore } from '../../../electron/store';
import { jsonChunks } from '../../../electron/store/json-chunks';
import { emptyDocument, SCHEMA_VERSION, type LibraryDocument } from '../../../electron/store/document';
import { makeAsset, makeSyntheticAssets } from '../../unit/store/synthetic-assets';
import { makeTempDir, openTempStore } from '../../unit/store/temp-store';
import { libraryFiles, readLibraryDocument } from '../../support/library-files';

const readDoc = readLibraryDocument;

/** The real adapter, counting how many snapshots have reached the disk. */
function countingAdapter(dir: string) {
  const inner = libraryFiles(dir);
  const counter = { writes: 0 };
  const adapter = {
    read: () => inner.read(),
    write: async (doc: LibraryDocument) => {
      await inner.write(doc);
      counter.writes++;
    },
  };
  return { adapter, counter };
}

describe('persistence', () => {
  it('survives a reopen with deduplicated assets, files, tags and jobs intact', async () => {
    const { store, dir } = await openTempStore();
    store.addFolder('/lib');
    store.recordAsset({ path: '/lib/a.jpg', fileSize: 1, mtimeMs: 1 }, makeAsset({ hash: 'h1', path: '/lib/a.jpg' }));
    store.recordAsset({ path: '/lib/b.jpg', fileSize: 1, mtimeMs: 1 }, makeAsset({ hash: 'h1', path: '/lib/b.jpg' }));
    store.setTags(['h1'], ['keep'], []);
    await store.close();
    expect(await readDoc(dir)).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      assets: [{ hash: 'h1', tags: ['keep'] }],
    });

    const { store: reopened } = await openTempStore({}, dir);
    expect(reopened.getAsset('h1')?.locations).toHaveLength(2);
    expect(reopened.search({ folders: ['/lib'], tags: ['keep'] }).total).toBe(1);
    expect(() => store.addFolder('/x')).toThrow(/closed/);
  });

  it('coalesces 1,000 mutations into a handful of snapshot writes', async () => {
    const dir = await makeTempDir();
    const { adapter, counter } = countingAdapter(dir);
    const { store } = await openTempStore({ adapter }, dir);
    for (const asset of makeSyntheticAssets(1000, 3)) store.recordAsset(asset.locations[0], asset);
    await store.flush();
    expect(counter.writes).toBeLessThanOrEqual(2);
    expect((await readDoc(dir)).assets).toHaveLength(1000);
    expect((await readDoc(dir)).seq).toBe(1000);
    expect(readFileSync(join(dir, 'library.journal.jsonl'), 'utf8')).toBe('');
    await store.flush();
    expect(counter.writes).toBeLessThanOrEqual(2);
  });

  it('serialises a snapshot in chunks to exactly what JSON.stringify would write', () => {
    const doc: LibraryDocument = {
      ...emptyDocument(),
      seq: 7,
      files: Array.from({ length: 2500 }, (_, i) => ({
        path: `/p/"${i}"\\é`,
        hash: null,
        fileSize: i,
        mtimeMs: 0,
        error: null,
        errorAt: null,
      })),
      assets: makeSyntheticAssets(3, 1),
    };
    expect([...jsonChunks(doc)].join('')).toBe(JSON.stringify(doc));
    expect([...jsonChunks({} as LibraryDocument)].join('')).toBe('{}');
  });

  it('writes a snapshot by itself after the interval, keeping later changes in the journal', async () => {
    const dir = await makeTempDir();
    const { adapter, counter } = countingAdapter(dir);
    const { store } = await openTempStore({ adapter, snapshotIntervalMs: 20 }, dir);
    store.addFolder('/a');
    await expect.poll(() => counter.writes, { timeout: 2000 }).toBe(1);
    store.addFolder('/b');
    expect((await readDoc(dir)).folders).toHaveLength(1);
    expect(readFileSync(join(dir, 'library.journal.jsonl'), 'utf8')).toContain('"/b"');
  });

  it('migrates a v0 document, keeping a backup of the original', async () => {
    const dir = await makeTempDir();
    const v0 = {
      schemaVersion: 0,
      folders: [{ path: '/lib', addedAt: 1, state: 'ok', error: null }],
      files: [{ path: '/lib/a.jpg', hash: 'h1', fileSize: 1, mtimeMs: 1 }],
      assets: [makeAsset({ hash: 'h1', path: '/lib/a.jpg', pattern: 'dots' })],
    };
    writeFileSync(join(dir, 'library.json'), JSON.stringify(v0));
    const { store } = await openTempStore({}, dir);
    expect(store.listJobs()).toEqual([]);
    expect(store.getFile('/lib/a.jpg')).toEqual({
      path: '/lib/a.jpg',
      hash: 'h1',
      fileSize: 1,
      mtimeMs: 1,
      error: null,
      errorAt: null,
    });
    expect(store.search({ patterns: ['dots'] }).total).toBe(1);
    store.putJobs([{ path: '/lib/b.jpg', state: 'queued', priority: 0, enqueuedAt: 2, error: null }]);
    await store.close();
    expect(await readDoc(dir)).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      jobs: [{ path: '/lib/b.jpg' }],
      collections: [],
      savedSearches: [],
      aiSettings: null,
      modelAnalyses: [],
      analysisJobs: [],
      invocations: [],
      reviewDecisions: [],
      campaigns: [],
      adVariants: [],
      labelCorrections: [],
    });
    expect(JSON.parse(readFileSync(join(dir, 'library.json.v0.bak'), 'utf8'))).toEqual(v0);
  });

  it('refuses a document from a newer Swatchbook without touching it', async () => {
    const dir = await makeTempDir();
    const newer = JSON.stringify({ schemaVersion: 99, seq: 5, everything: 'different' });
    writeFileSync(join(dir, 'library.json'), newer);
    await expect(openLibraryStore(dir)).rejects.toThrow(NewerSchemaError);
    await expect(openLibraryStore(dir)).rejects.toThrow(
      new RegExp(`schema version 99.*understands up to ${SCHEMA_VERSION}`),
    );
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(newer);
  });

  it.each([
    ['truncated JSON', '{"schemaVersion":1,"seq":3,"assets":[{"hash":'],
    ['not a document', '[1,2,3]'],
    ['null', 'null'],
    ['missing lists', '{"schemaVersion":1,"seq":0}'],
  ])('refuses a damaged library.json (%s), naming the file and keeping it', async (_, content) => {
    const dir = await makeTempDir();
    const file = join(dir, 'library.json');
    writeFileSync(file, content);
    const opening = openLibraryStore(dir);
    await expect(opening).rejects.toThrow(CorruptLibraryError);
    await expect(opening).rejects.toThrow(file);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('with recoverCorrupt, sets the damaged file aside and starts fresh', async () => {
    const dir = await makeTempDir();
    writeFileSync(join(dir, 'library.json'), '{"schemaVersion":1,"se');
    const { store } = await openTempStore({ recoverCorrupt: true }, dir);
    expect(store.stats().assets).toBe(0);
    await store.close();
    const aside = readdirSync(dir).filter((name) => name.startsWith('library.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]), 'utf8')).toBe('{"schemaVersion":1,"se');
    expect(existsSync(join(dir, 'library.json'))).toBe(true);
    expect((await readDoc(dir)).schemaVersion).toBe(SCHEMA_VERSION);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { UnknownRecordError, type LibraryStore } from '../../../electron/store';
import { makeAsset } from './synthetic-assets';
import { makeTempDir, openTempStore } from './temp-store';

const at = (path: string) => ({ path, fileSize: 1, mtimeMs: 1 });

async function seeded(dir?: string): Promise<{ store: LibraryStore; dir: string }> {
  const opened = await openTempStore({}, dir);
  opened.store.addFolder('/lib');
  for (const [hash, tags] of [
    ['a', ['summer']],
    ['b', ['summer', 'sale']],
    ['c', ['Sale']],
    ['d', []],
  ] as const) {
    opened.store.recordAsset(at(`/lib/${hash}.png`), makeAsset({ hash, path: `/lib/${hash}.png`, tags: [...tags] }));
  }
  return opened;
}

describe('tags', () => {
  let store: LibraryStore;
  beforeEach(async () => ({ store } = await seeded()));

  it('lists tags with counts', () => {
    expect(store.listTags()).toEqual(
      expect.arrayContaining([
        { name: 'summer', count: 2 },
        { name: 'sale', count: 1 },
        { name: 'Sale', count: 1 },
      ]),
    );
  });

  it('renames a tag everywhere, and merges when renaming onto an existing tag', () => {
    expect(store.renameTag('summer', 'summer-24')).toBe(2);
    expect(store.search({ tags: ['summer-24'] }).total).toBe(2);
    expect(store.search({ tags: ['summer'] }).total).toBe(0);
    expect(store.renameTag('Sale', 'sale')).toBe(1);
    expect(store.listTags().find((t) => t.name === 'sale')).toEqual({ name: 'sale', count: 2 });
    expect(store.getAsset('b')!.tags.filter((t) => t === 'sale')).toHaveLength(1);
  });
});

describe('collections', () => {
  it('creates, fills, filters search, renames and deletes a board; membership survives a reopen', async () => {
    const { store, dir } = await seeded();
    const board = store.createCollection('Spring moodboard');
    store.addToCollection(board.id, ['a', 'c']);
    const other = store.createCollection('Client B');
    store.addToCollection(other.id, ['c', 'd']);
    expect(
      store
        .search({ collections: [board.id] })
        .items.map((i) => i.hash)
        .sort(),
    ).toEqual(['a', 'c']);
    expect(store.search({ collections: [board.id, other.id] }).total).toBe(3);
    expect(store.search({ collections: [board.id], tags: ['Sale'] }).items.map((i) => i.hash)).toEqual(['c']);
    store.removeFromCollection(board.id, ['a']);
    expect(store.renameCollection(board.id, 'Spring').name).toBe('Spring');
    await store.close();

    const { store: reopened } = await openTempStore({}, dir);
    expect(reopened.listCollections().map((c) => [c.name, c.hashes])).toEqual([
      ['Spring', ['c']],
      ['Client B', ['c', 'd']],
    ]);
    reopened.deleteCollection(other.id);
    expect(reopened.listCollections()).toHaveLength(1);
    expect(reopened.search({ collections: [other.id] }).total).toBe(0);
  });

  it('lists only live members: an asset removed from disk drops out', async () => {
    const { store } = await seeded();
    const board = store.createCollection('Board');
    store.addToCollection(board.id, ['a', 'b']);
    store.removeFile('/lib/a.png');
    expect(store.listCollections()[0].hashes).toEqual(['b']);
  });

  it('refuses unknown ids without changing anything', async () => {
    const { store } = await seeded();
    expect(() => store.addToCollection('nope', ['a'])).toThrow(UnknownRecordError);
    expect(() => store.deleteCollection('nope')).toThrow(/no collection with id nope/);
    expect(() => store.deleteSavedSearch('nope')).toThrow(/no saved search/);
    expect(store.listCollections()).toEqual([]);
  });
});

describe('saved searches', () => {
  it('stores a named query that re-runs against the current library', async () => {
    const { store, dir } = await seeded();
    const saved = store.saveSearch('Summer sale', { tags: ['sale'], text: 'b' });
    expect(saved.query).toMatchObject({ tags: ['sale'], text: 'b', sort: 'date' });
    await store.close();

    const { store: reopened } = await openTempStore({}, dir);
    const [again] = reopened.listSavedSearches();
    expect(again).toEqual(saved);
    expect(reopened.search(again.query).items.map((i) => i.hash)).toEqual(['b']);
    reopened.setTags(['d'], ['sale'], []);
    expect(reopened.search({ ...again.query, text: undefined }).total).toBe(2);
    reopened.deleteSavedSearch(saved.id);
    expect(reopened.listSavedSearches()).toEqual([]);
  });
});

describe('schema v1 → v2', () => {
  it('adds empty collections and saved searches to a v1 library', async () => {
    const dir = await makeTempDir();
    writeFileSync(
      join(dir, 'library.json'),
      JSON.stringify({ schemaVersion: 1, seq: 0, folders: [], files: [], assets: [], jobs: [] }),
    );
    const { store } = await openTempStore({}, dir);
    expect(store.listCollections()).toEqual([]);
    expect(store.listSavedSearches()).toEqual([]);
  });
});

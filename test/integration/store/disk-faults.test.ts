import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../../shared/errors';
import { openLibraryStore, type LibraryStore } from '../../../electron/store';
import { makeSmallDisk, smallDiskRefusal, type SmallDisk } from '../../support/small-disk';
import { makeAsset } from '../../unit/store/synthetic-assets';

const disks: SmallDisk[] = [];
afterEach(() => {
  for (const disk of disks.splice(0)) disk.unmount();
});

function smallDisk(sizeKb = 2048): SmallDisk {
  const disk = makeSmallDisk(sizeKb);
  disks.push(disk);
  return disk;
}

const loc = (path: string) => ({ path, fileSize: 100, mtimeMs: 1 });

/** A library on a small disk, checked every 50 ms, with one change already in its files. */
async function libraryWrittenOnce(): Promise<{ disk: SmallDisk; store: LibraryStore }> {
  const disk = smallDisk();
  const store = await openLibraryStore(join(disk.dir, 'data'), { storageCheckMs: 50 });
  store.createCollection('before');
  await store.flush();
  return { disk, store };
}

/** Records images until the store refuses one; returns how many it took and the refusal. */
function recordUntilRefused(store: LibraryStore, from: number): { recorded: number; refusal: unknown } {
  for (let i = from; i < from + 5000; i++) {
    try {
      store.recordAsset(loc(`/lib/${i}.png`), makeAsset({ hash: `h${i}`, path: `/lib/${i}.png` }));
    } catch (refusal) {
      return { recorded: i - from, refusal };
    }
  }
  throw new Error('the full disk never refused a write');
}

/** Every line of the journal is whole JSON: nothing half-written was left behind. */
function expectWholeJournal(dataDir: string): void {
  const text = readFileSync(join(dataDir, 'library.journal.jsonl'), 'utf8');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  for (const line of text.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
}

describe.skipIf(smallDiskRefusal !== null)('the library on a disk that fills up, vanishes or turns read-only', () => {
  it('refuses changes with one clear message while the disk is full, keeps reading, and resumes once there is room', async () => {
    const disk = smallDisk();
    const dataDir = join(disk.dir, 'data');
    const store = await openLibraryStore(dataDir, { storageCheckMs: 50 });
    store.recordAsset(loc('/lib/first.png'), makeAsset({ hash: 'first', path: '/lib/first.png' }));
    await store.flush();
    // In the journal only: the snapshot that would fold it in finds the disk full.
    store.recordAsset(loc('/lib/second.png'), makeAsset({ hash: 'second', path: '/lib/second.png' }));
    disk.fill();
    await expect(store.flush()).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(store.storage.status).toMatchObject({ writable: false, fault: 'disk-full' });

    const { recorded, refusal } = recordUntilRefused(store, 0);
    expect(refusal).toBeInstanceOf(StorageUnavailableError);
    expect((refusal as Error).message).toMatch(/^The disk holding your library is full: [\d.]+ MB needed/);
    expectWholeJournal(dataDir);
    // Reading goes on: search and the records already made.
    expect(store.search({ limit: 5 }).total).toBe(2 + recorded);
    expect(store.getAsset('first')).toBeDefined();

    disk.free();
    await until(() => store.storage.status.writable);
    store.recordAsset(loc('/lib/after.png'), makeAsset({ hash: 'after', path: '/lib/after.png' }));
    await store.close();

    const reopened = await openLibraryStore(dataDir);
    expect(reopened.stats().assets).toBe(3 + recorded);
    expect(reopened.getAsset('after')).toBeDefined();
    await reopened.close();
  });

  it('says the disk is full as soon as it fills while nothing is written, and clears once there is room again', async () => {
    const { disk, store } = await libraryWrittenOnce();
    disk.fill();
    await until(() => !store.storage.status.writable);
    expect(store.storage.status).toMatchObject({ fault: 'disk-full' });
    expect(store.storage.status.message).toMatch(
      /^The disk holding your library is full: [\d.]+ MB needed, under 0.1 MB free/,
    );
    expect(() => store.createCollection('refused')).toThrow(StorageUnavailableError);

    disk.free();
    await until(() => store.storage.status.writable);
    store.createCollection('after');
    await store.close();
  });

  it('does not call a nearly full disk full while the next snapshot still fits', async () => {
    const { disk, store } = await libraryWrittenOnce();
    disk.fill(64);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.storage.status.writable).toBe(true);
    await store.close();
  });

  it('stops writing when the data folder disappears, never makes an empty one in its place, and goes on when it is back', async () => {
    const disk = smallDisk();
    const dataDir = join(disk.dir, 'data');
    const away = join(disk.dir, 'away');
    const store = await openLibraryStore(dataDir, { storageCheckMs: 50 });
    store.createCollection('before');
    await store.flush();

    renameSync(dataDir, away);
    await until(() => !store.storage.status.writable);
    expect(store.storage.status.fault).toBe('missing');
    expect(() => store.createCollection('while away')).toThrow(/has gone/);
    await expect(store.flush()).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(dataDir)).toBe(false);
    expect(store.listCollections().map((c) => c.name)).toEqual(['before']);

    renameSync(away, dataDir);
    await until(() => store.storage.status.writable);
    store.createCollection('after');
    await store.close();
    const reopened = await openLibraryStore(dataDir);
    expect(reopened.listCollections().map((c) => c.name)).toEqual(['before', 'after']);
    await reopened.close();
  });

  it('says the folder is read-only while it is, and writes again once it is not', async () => {
    const disk = smallDisk();
    const store = await openLibraryStore(join(disk.dir, 'data'), { storageCheckMs: 50 });
    disk.remount('ro');
    expect(() => store.createCollection('refused')).toThrow(StorageUnavailableError);
    expect(store.storage.status).toMatchObject({ writable: false, fault: 'unwritable' });
    expect(store.storage.status.message).toMatch(/cannot be written \(EROFS/);
    disk.remount('rw');
    await until(() => store.storage.status.writable);
    store.createCollection('later');
    await store.close();
  });
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

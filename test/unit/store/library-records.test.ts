import { describe, expect, it } from 'vitest';
import { makeAsset } from './synthetic-assets';
import { openTempStore } from './temp-store';

const loc = (path: string, fileSize = 1234) => ({ path, fileSize, mtimeMs: 1_700_000_000_000 });

describe('LibraryStore records', () => {
  it('stores identical bytes under two paths as one asset with two locations, keeping its tags', async () => {
    const { store } = await openTempStore();
    store.recordAsset(loc('/lib/a.jpg'), makeAsset({ hash: 'h1', path: '/lib/a.jpg' }));
    store.setTags(['h1'], ['favourite'], []);
    store.recordAsset(loc('/lib/copy/a.jpg'), makeAsset({ hash: 'h1', path: '/lib/copy/a.jpg' }));

    const asset = store.getAsset('h1');
    expect(asset?.locations.map((l) => l.path)).toEqual(['/lib/a.jpg', '/lib/copy/a.jpg']);
    expect(asset?.tags).toEqual(['favourite']);
    expect(store.search({}).total).toBe(1);
    expect(store.getFile('/lib/copy/a.jpg')).toMatchObject({ hash: 'h1', error: null });
  });

  it('deletes an asset when its last location is removed, but not before', async () => {
    const { store } = await openTempStore();
    store.recordAsset(loc('/lib/a.jpg'), makeAsset({ hash: 'h1', path: '/lib/a.jpg' }));
    expect(store.addLocation(loc('/lib/b.jpg'), 'h1')).toBe(true);
    store.removeFile('/lib/a.jpg');
    expect(store.findAssetByHash('h1')?.path).toBe('/lib/b.jpg');
    store.removeFile('/lib/b.jpg');
    expect(store.getAsset('h1')).toBeUndefined();
    expect(store.search({ text: 'b.jpg' }).total).toBe(0);
    expect(store.listFiles()).toEqual([]);
  });

  it('moves a changed file to its new asset and drops the orphaned old one', async () => {
    const { store } = await openTempStore();
    store.recordAsset(loc('/lib/a.jpg'), makeAsset({ hash: 'old', path: '/lib/a.jpg' }));
    store.recordAsset(loc('/lib/a.jpg', 999), makeAsset({ hash: 'new', path: '/lib/a.jpg' }));
    expect(store.getAsset('old')).toBeUndefined();
    expect(store.getFile('/lib/a.jpg')).toMatchObject({ hash: 'new', fileSize: 999 });
  });

  it('refuses a location for an unknown hash', async () => {
    const { store } = await openTempStore();
    expect(store.addLocation(loc('/lib/x.jpg'), 'nope')).toBe(false);
    expect(store.getFile('/lib/x.jpg')).toBeUndefined();
  });

  it('keeps an asset through a transient error but drops it when the failing file changed', async () => {
    const { store } = await openTempStore();
    store.recordAsset(loc('/lib/a.jpg'), makeAsset({ hash: 'h1', path: '/lib/a.jpg' }));
    store.recordError('/lib/a.jpg', 'EBUSY', 1234, 1_700_000_000_000);
    expect(store.getAsset('h1')).toBeDefined();
    expect(store.listErrors()).toEqual([{ path: '/lib/a.jpg', reason: 'EBUSY', at: expect.any(Number), kind: 'file' }]);

    store.recordError('/lib/a.jpg', 'truncated JPEG', 10, 1_800_000_000_000);
    expect(store.getAsset('h1')).toBeUndefined();
    expect(store.getFile('/lib/a.jpg')).toMatchObject({ hash: null, error: 'truncated JPEG' });

    store.recordAsset(loc('/lib/a.jpg'), makeAsset({ hash: 'h2', path: '/lib/a.jpg' }));
    expect(store.listErrors()).toEqual([]);
  });

  it('removing a folder drops its files, jobs and orphans but keeps what a nesting folder still holds', async () => {
    const { store } = await openTempStore();
    store.addFolder('/lib');
    store.addFolder('/other');
    store.recordAsset(loc('/lib/a.jpg'), makeAsset({ hash: 'h1', path: '/lib/a.jpg' }));
    store.recordAsset(loc('/libx/b.jpg'), makeAsset({ hash: 'h2', path: '/libx/b.jpg' }));
    store.recordAsset(loc('/other/a.jpg'), makeAsset({ hash: 'h1', path: '/other/a.jpg' }));
    store.putJobs([{ path: '/lib/c.jpg', state: 'queued', priority: 0, enqueuedAt: 1, error: null }]);

    store.removeFolder('/lib');
    expect(store.listFolders().map((f) => f.path)).toEqual(['/other']);
    expect(store.getAsset('h1')?.locations.map((l) => l.path)).toEqual(['/other/a.jpg']);
    expect(store.getFile('/libx/b.jpg')).toBeDefined();
    expect(store.listJobs()).toEqual([]);
  });

  it('persists the ingest jobs with their states and removes the ones asked', async () => {
    const { store } = await openTempStore();
    const job = (path: string) => ({ path, state: 'queued' as const, priority: 0, enqueuedAt: 1, error: null });
    store.putJobs([job('/a'), job('/b'), job('/c'), job('/d')]);
    store.updateJob('/a', { state: 'done' });
    store.updateJob('/b', { state: 'failed', error: 'bad' });
    store.updateJob('/c', { state: 'cancelled' });
    expect(store.listJobs(['failed'])).toEqual([{ ...job('/b'), state: 'failed', error: 'bad' }]);
    store.removeJobs(['/a', '/c', '/d']);
    expect(store.listJobs().map((j) => j.path)).toEqual(['/b']);
    expect(store.stats().jobs).toMatchObject({ failed: 1, queued: 0, waiting: 0 });
  });

  it('adds and removes tags and reports how many assets changed', async () => {
    const { store } = await openTempStore();
    store.recordAsset(loc('/a.jpg'), makeAsset({ hash: 'h1', path: '/a.jpg', tags: ['x'] }));
    store.recordAsset(loc('/b.jpg'), makeAsset({ hash: 'h2', path: '/b.jpg' }));
    expect(store.setTags(['h1', 'h2', 'missing'], ['y'], ['x'])).toBe(2);
    expect(store.setTags(['h1'], ['y'], [])).toBe(0);
    expect(store.getAsset('h1')?.tags).toEqual(['y']);
    expect(store.search({ tags: ['y'] }).total).toBe(2);
  });

  it('does not let a caller change a stored asset through returned or passed objects', async () => {
    const { store } = await openTempStore();
    const asset = makeAsset({ hash: 'h1', path: '/a.jpg' });
    store.recordAsset(loc('/a.jpg'), asset);
    asset.tags.push('sneaky');
    store.getAsset('h1')?.tags.push('sneaky');
    expect(store.getAsset('h1')?.tags).toEqual([]);
  });
});

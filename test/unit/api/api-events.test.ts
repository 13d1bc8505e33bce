import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import { WRITABLE, type IngestProgress } from '../../../shared/model';
import type { Engine } from '../../../electron/engine';
import { ApiEventFeed } from '../../../electron/api/api-events';

const progress = (done: number): IngestProgress => ({
  done,
  failed: 0,
  total: 100,
  rate: 1,
  etaSeconds: null,
  currentFile: `/lib/${done}.png`,
  running: true,
  waitingFor: null,
});

function feedOverFakeLibrary() {
  const analysis = Object.assign(new EventEmitter(), {
    queue: new EventEmitter(),
    streams: new EventEmitter(),
    batch: new EventEmitter(),
  });
  const ads = { queue: new EventEmitter() };
  const library = new EventEmitter();
  const store = { storage: new EventEmitter() };
  const feed = new ApiEventFeed({ library, analysis, ads, store } as unknown as Engine, {
    progressIntervalMs: 250,
    changeBatchMs: 150,
  });
  const events: ApiEvent[] = [];
  feed.subscribe((event) => events.push(event));
  return { library, analysis, feed, events, store };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ApiEventFeed', () => {
  it('throttles progress to the first and the latest of each interval', () => {
    vi.useFakeTimers();
    const { library, events } = feedOverFakeLibrary();
    for (let done = 1; done <= 50; done++) library.emit('progress', progress(done));
    expect(events).toEqual([{ type: 'progress', progress: progress(1) }]);
    vi.advanceTimersByTime(250);
    expect(events).toEqual([
      { type: 'progress', progress: progress(1) },
      { type: 'progress', progress: progress(50) },
    ]);
    vi.advanceTimersByTime(1000);
    expect(events).toHaveLength(2);
  });

  it('sends the end of a run at once, so a run starting right after cannot hide how the last one ended', () => {
    vi.useFakeTimers();
    const { library, events } = feedOverFakeLibrary();
    const ended = (done: number, total: number) => ({ ...progress(done), total, currentFile: null, running: false });
    library.emit('progress', progress(1));
    library.emit('progress', progress(2));
    library.emit('progress', ended(3, 3));
    library.emit('progress', { ...progress(0), total: 1 });
    library.emit('progress', ended(1, 1));
    expect(events.map((e) => e.type === 'progress' && [e.progress.done, e.progress.total])).toEqual([
      [1, 100],
      [3, 3],
      [1, 1],
    ]);
  });

  it('batches changed paths into one assetsChanged, skipping files that did not change', () => {
    vi.useFakeTimers();
    const { library, events } = feedOverFakeLibrary();
    library.emit('change', { kind: 'ingested', path: '/lib/a.png', outcome: { kind: 'new', hash: 'a' } });
    library.emit('change', { kind: 'ingested', path: '/lib/b.png', outcome: { kind: 'unchanged', hash: 'b' } });
    library.emit('change', { kind: 'removed', path: '/lib/c.png' });
    library.emit('change', { kind: 'ingested', path: '/lib/a.png', outcome: { kind: 'known', hash: 'a' } });
    expect(events).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(events).toEqual([{ type: 'assetsChanged', paths: ['/lib/a.png', '/lib/c.png'] }]);
  });

  it('announces folder changes at once, and stops listening when closed', () => {
    const { library, analysis, feed, events } = feedOverFakeLibrary();
    library.emit('change', { kind: 'folder', folder: { path: '/lib', addedAt: 0, state: 'missing', error: 'gone' } });
    expect(events).toEqual([{ type: 'foldersChanged' }]);
    feed.close();
    expect(library.listenerCount('progress') + library.listenerCount('change')).toBe(0);
    expect(analysis.listenerCount('analysed') + analysis.queue.listenerCount('progress')).toBe(0);
    expect(analysis.batch.listenerCount('changed') + analysis.batch.listenerCount('analysed')).toBe(0);
  });

  it('says at once when the library stops (and starts) being writable, and stops listening when closed', () => {
    const { store, feed, events } = feedOverFakeLibrary();
    const full = { ...WRITABLE, writable: false, fault: 'disk-full' as const, problem: 'full', message: 'full' };
    store.storage.emit('changed', full);
    store.storage.emit('changed', WRITABLE);
    expect(events).toEqual([
      { type: 'storage', storage: full },
      { type: 'storage', storage: WRITABLE },
    ]);
    feed.close();
    expect(store.storage.listenerCount('changed')).toBe(0);
  });

  it('forwards remote-analysis progress (rate-limited) and which images got new attributes', () => {
    vi.useFakeTimers();
    const { analysis, events } = feedOverFakeLibrary();
    analysis.queue.emit('progress', { queued: 3 });
    analysis.queue.emit('progress', { queued: 2 });
    analysis.emit('analysed', [{ hash: 'a', state: 'done', modelId: 'm', reason: null }]);
    vi.advanceTimersByTime(250);
    expect(events).toEqual([
      { type: 'analysisProgress', progress: { queued: 3 } },
      { type: 'analysesChanged', hashes: ['a'] },
      { type: 'analysisProgress', progress: { queued: 2 } },
    ]);
  });

  it('forwards batch jobs as they move, and the images a finished one answered', () => {
    const { analysis, events } = feedOverFakeLibrary();
    const job = { id: 'j', stage: 'at-bedrock' };
    analysis.batch.emit('changed', job);
    analysis.batch.emit('analysed', ['a', 'b']);
    expect(events).toEqual([
      { type: 'batchJob', job },
      { type: 'analysesChanged', hashes: ['a', 'b'] },
    ]);
  });

  it('keeps delivering to the other listeners when one throws', () => {
    const { library, feed, events } = feedOverFakeLibrary();
    feed.subscribe(() => {
      throw new Error('window gone');
    });
    const more: ApiEvent[] = [];
    feed.subscribe((event) => more.push(event));
    library.emit('progress', progress(1));
    expect(events).toHaveLength(1);
    expect(more).toHaveLength(1);
  });
});

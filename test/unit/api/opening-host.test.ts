import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent, LibraryOpening } from '../../../shared/api';
import type { BridgeCallResult } from '../../../shared/api/bridge';
import type { ApiHost } from '../../../electron/api';
import { OpeningHost } from '../../../electron/api/opening-host';
import type { StoreOpenProgress } from '../../../electron/store';

/** A host that records the calls it runs and lets the test push engine events through its feed. */
function fakeHost() {
  const feed = new Set<(event: ApiEvent) => void>();
  const ran: string[] = [];
  const close = vi.fn(async () => undefined);
  const host = {
    events: {
      subscribe(listener: (event: ApiEvent) => void) {
        feed.add(listener);
        return () => feed.delete(listener);
      },
    },
    call: async (method: string, input: unknown): Promise<BridgeCallResult> => {
      ran.push(method);
      return { ok: true, value: { method, input } };
    },
    media: { cacheDir: '/cache', roots: () => [], locations: () => [], pixelLimit: 1 },
    isKnownLocation: (filePath: string) => filePath === '/lib/a.png',
    close,
  } as unknown as ApiHost;
  return { host, ran, close, push: (event: ApiEvent) => feed.forEach((listener) => listener(event)) };
}

/** An OpeningHost whose engine opens (or fails) when the test says, reporting progress in between. */
function heldOpening() {
  let report!: (progress: StoreOpenProgress) => void;
  let finish!: { resolve(host: ApiHost): void; reject(error: Error): void };
  const opening = new OpeningHost(
    (onStoreProgress) =>
      new Promise<ApiHost>((resolve, reject) => {
        report = onStoreProgress;
        finish = { resolve, reject };
      }),
  );
  const heard: ApiEvent[] = [];
  opening.subscribe((event) => heard.push(event));
  return { opening, heard, report: (progress: StoreOpenProgress) => report(progress), finish };
}

const openingEvents = (events: ApiEvent[]): LibraryOpening[] =>
  events.flatMap((event) => (event.type === 'libraryOpening' ? [event.opening] : []));

afterEach(() => {
  vi.useRealTimers();
});

describe('OpeningHost: calls', () => {
  it('holds calls made before the engine is open, then runs them on it in order', async () => {
    const { opening, finish } = heldOpening();
    const { host, ran } = fakeHost();
    const first = opening.call('libraryStatus', {});
    const second = opening.call('search', { limit: 5 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toEqual([]);
    expect(opening.media).toBeNull();
    expect(opening.isKnownLocation('/lib/a.png')).toBe(false);

    finish.resolve(host);
    expect(await first).toEqual({ ok: true, value: { method: 'libraryStatus', input: {} } });
    expect(await second).toEqual({ ok: true, value: { method: 'search', input: { limit: 5 } } });
    expect(ran).toEqual(['libraryStatus', 'search']);
    expect(opening.media).toBe(host.media);
    expect(opening.isKnownLocation('/lib/a.png')).toBe(true);
    expect(await opening.call('libraryOpening', {})).toEqual({
      ok: true,
      value: { method: 'libraryOpening', input: {} },
    });
  });

  it('answers libraryOpening at once, through the validating boundary, while everything else waits', async () => {
    const { opening, report } = heldOpening();
    expect(await opening.call('libraryOpening', {})).toEqual({
      ok: true,
      value: { state: 'opening', progress: null },
    });
    report({ stage: 'reading', done: 3, total: 10, unit: 'shards' });
    expect(await opening.call('libraryOpening', undefined)).toMatchObject({
      ok: true,
      value: { state: 'opening', progress: { stage: 'reading', done: 3, total: 10, unit: 'shards' } },
    });
    const refused = await opening.call('libraryOpening', 'not an input');
    expect(refused).toMatchObject({ ok: false, status: 400 });
    expect(refused.ok === false && refused.error).toMatch(/^invalid input for libraryOpening: /);
  });

  it('fails every waiting and later call with the reason the library could not be opened', async () => {
    const { opening, heard, finish } = heldOpening();
    const waiting = opening.call('listTags', {});
    finish.reject(new Error('library.json is not valid JSON'));
    const failed = { ok: false, status: 500, error: 'library.json is not valid JSON' };
    expect(await waiting).toEqual(failed);
    expect(await opening.call('search', {})).toEqual(failed);
    await expect(opening.ready).rejects.toThrow('library.json is not valid JSON');
    const reason = { state: 'failed', error: 'library.json is not valid JSON' };
    expect(await opening.call('libraryOpening', {})).toEqual({ ok: true, value: reason });
    expect(openingEvents(heard).at(-1)).toEqual(reason);
    expect(opening.media).toBeNull();
    await expect(opening.close()).resolves.toBeUndefined();
  });

  it('closes the engine only once it has opened, however early it is asked to', async () => {
    const { opening, finish } = heldOpening();
    const { host, close } = fakeHost();
    let closed = false;
    const closing = opening.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);
    finish.resolve(host);
    await closing;
    expect(close).toHaveBeenCalledOnce();
  });
});

describe('OpeningHost: progress', () => {
  it('tells subscribers how far opening has got, with rate and time left, a few times a second', async () => {
    vi.useFakeTimers();
    const { opening, heard, report } = heldOpening();
    expect(openingEvents(heard)).toEqual([{ state: 'opening', progress: null }]);

    vi.advanceTimersByTime(5000);
    report({ stage: 'reading', done: 50, total: 200, unit: 'MB' });
    const reading = { stage: 'reading', done: 50, total: 200, unit: 'MB', rate: 10, etaSeconds: 15 };
    expect(openingEvents(heard).at(-1)).toEqual({ state: 'opening', progress: reading });

    // A burst within the interval: only its latest reaches subscribers, once the interval is over.
    vi.advanceTimersByTime(100);
    for (const done of [60, 70, 80]) report({ stage: 'reading', done, total: 200, unit: 'MB' });
    expect(openingEvents(heard)).toHaveLength(2);
    vi.advanceTimersByTime(150);
    expect(openingEvents(heard)).toHaveLength(3);
    expect(openingEvents(heard).at(-1)).toMatchObject({ progress: { done: 80 } });
    // What a page that loads now is told is what the others last heard.
    expect(await opening.call('libraryOpening', {})).toEqual({ ok: true, value: openingEvents(heard).at(-1) });

    // A migration's write-out is a stage of its own, measured from where reading ended.
    vi.advanceTimersByTime(1850);
    report({ stage: 'writing', done: 8, total: 16, unit: 'shards' });
    expect(openingEvents(heard).at(-1)).toEqual({
      state: 'opening',
      progress: { stage: 'writing', done: 8, total: 16, unit: 'shards', rate: 4, etaSeconds: 2 },
    });
  });

  it('says ready as soon as the engine is open, drops progress still pending, then forwards its events', async () => {
    vi.useFakeTimers();
    const { opening, heard, report, finish } = heldOpening();
    const { host, push } = fakeHost();
    report({ stage: 'reading', done: 1, total: 4, unit: 'shards' });
    report({ stage: 'reading', done: 4, total: 4, unit: 'shards' });
    finish.resolve(host);
    await opening.ready;
    vi.advanceTimersByTime(1000);
    push({ type: 'foldersChanged' });
    expect(heard.slice(-2)).toEqual([
      { type: 'libraryOpening', opening: { state: 'ready' } },
      { type: 'foldersChanged' },
    ]);
    expect(openingEvents(heard).map((o) => o.state)).toEqual(['opening', 'opening', 'ready']);
  });

  it('tells a late subscriber where opening stands, whether still opening or ready', async () => {
    const { opening, report, finish } = heldOpening();
    report({ stage: 'writing', done: 2, total: 16, unit: 'shards' });
    const late: ApiEvent[] = [];
    opening.subscribe((event) => late.push(event));
    expect(late).toEqual([
      { type: 'libraryOpening', opening: { state: 'opening', progress: expect.objectContaining({ done: 2 }) } },
    ]);
    finish.resolve(fakeHost().host);
    await opening.ready;
    const later: ApiEvent[] = [];
    opening.subscribe((event) => later.push(event));
    expect(later).toEqual([{ type: 'libraryOpening', opening: { state: 'ready' } }]);
  });

  it('keeps telling the others when one subscriber throws', () => {
    const { opening, heard, report } = heldOpening();
    opening.subscribe(() => {
      throw new Error('window destroyed');
    });
    report({ stage: 'reading', done: 1, total: 2, unit: 'MB' });
    expect(openingEvents(heard).at(-1)).toMatchObject({ progress: { done: 1 } });
  });
});

import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WRITABLE, type StorageHealth } from '../../../../shared/model/storage';
import type { TeamLibraryInfo, TeamStatus } from '../../../../shared/model';
import { applyLiveEvent } from '../../../../renderer/api/live-events';
import { queryKeys } from '../../../../renderer/api/query-keys';

/** Past the live events' refresh interval: whatever they marked stale has been refetched by then. */
const AFTER_REFRESH_MS = 1_000;

const online: TeamStatus = {
  server: 'postgres://ann@db.example:5432/swatchbook',
  connection: 'online',
  reason: null,
  pending: 0,
  teamSeq: 12,
  lastContactAt: 1_700_000_000_000,
  role: 'reviewer',
};

const teamInfo: TeamLibraryInfo = {
  open: { server: online.server, source: 'flag' },
  status: online,
  saved: null,
  restartNeeded: false,
  folders: [],
  rewriteDue: false,
};

let client: QueryClient;
let unsubscribes: (() => void)[];

beforeEach(() => {
  vi.useFakeTimers();
  client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  unsubscribes = [];
});

afterEach(() => {
  for (const unsubscribe of unsubscribes) unsubscribe();
  client.clear();
  vi.useRealTimers();
});

/** A read a mounted component holds (so invalidating it refetches at once), counting how often it is fetched. */
async function shown(queryKey: QueryKey): Promise<{ fetches: () => number }> {
  let fetches = 0;
  const observer = new QueryObserver(client, {
    queryKey,
    queryFn: () => {
      fetches++;
      return { fetched: fetches };
    },
  });
  unsubscribes.push(observer.subscribe(() => undefined));
  await vi.advanceTimersByTimeAsync(0);
  return { fetches: () => fetches };
}

describe('teamStatus events', () => {
  it('replace the open team library’s status in place, keeping what the library is', () => {
    client.setQueryData(queryKeys.teamLibrary, teamInfo);
    const offline: TeamStatus = { ...online, connection: 'offline', reason: 'connection refused', pending: 3 };
    applyLiveEvent(client).handle({ type: 'teamStatus', status: offline });
    expect(client.getQueryData(queryKeys.teamLibrary)).toEqual({ ...teamInfo, status: offline });
  });

  it('make no answer up when the team library was never read', () => {
    applyLiveEvent(client).handle({ type: 'teamStatus', status: online });
    expect(client.getQueryData(queryKeys.teamLibrary)).toBeUndefined();
  });
});

describe('teamChanges events', () => {
  it('refetch what shows assets, the changed images’ answers and what else members share, once after a burst', async () => {
    const hash = 'a'.repeat(64);
    const refreshed = {
      search: await shown(queryKeys.searchPage({}, 0)),
      asset: await shown(queryKeys.asset(hash)),
      tags: await shown(queryKeys.tags),
      collections: await shown(queryKeys.collections),
      savedSearches: await shown(queryKeys.savedSearches),
      qualityReport: await shown(queryKeys.qualityReport),
      modelAnalyses: await shown(queryKeys.modelAnalyses(hash)),
      reviewItem: await shown(queryKeys.reviewItem(hash)),
    };
    const otherImage = await shown(queryKeys.modelAnalyses('b'.repeat(64)));

    const live = applyLiveEvent(client);
    live.handle({ type: 'teamChanges', hashes: [hash] });
    live.handle({ type: 'teamChanges', hashes: [] });
    await vi.advanceTimersByTimeAsync(AFTER_REFRESH_MS);

    for (const [name, read] of Object.entries(refreshed))
      expect({ name, fetches: read.fetches() }).toEqual({ name, fetches: 2 });
    expect(otherImage.fetches()).toBe(1);
    live.dispose();
  });

  it('show a lone change at once, and refetch at most once per interval while changes keep coming', async () => {
    const tags = await shown(queryKeys.tags);
    const live = applyLiveEvent(client);
    live.handle({ type: 'assetsChanged', paths: ['/a.png'] });
    await vi.advanceTimersByTimeAsync(50);
    expect(tags.fetches()).toBe(2);
    live.handle({ type: 'assetsChanged', paths: ['/a.png'] });
    live.handle({ type: 'assetsChanged', paths: ['/a.png'] });
    await vi.advanceTimersByTimeAsync(500);
    expect(tags.fetches()).toBe(2);
    await vi.advanceTimersByTimeAsync(300);
    expect(tags.fetches()).toBe(3);
    live.dispose();
  });

  it("show a colleague's change at once while this machine's own work keeps refetching", async () => {
    const tags = await shown(queryKeys.tags);
    const live = applyLiveEvent(client);
    live.handle({ type: 'assetsChanged', paths: ['/a.png'] });
    await vi.advanceTimersByTimeAsync(50);
    live.handle({ type: 'assetsChanged', paths: ['/b.png'] });
    await vi.advanceTimersByTimeAsync(100);
    const before = tags.fetches();
    live.handle({ type: 'teamChanges', hashes: [] });
    await vi.advanceTimersByTimeAsync(50);
    expect(tags.fetches()).toBe(before + 1);
    live.dispose();
  });

  it('mark review queues stale without refetching them under a reviewer', async () => {
    const queueKey = queryKeys.reviewQueue({ state: 'pending' });
    const queue = await shown(queueKey);
    const live = applyLiveEvent(client);
    live.handle({ type: 'teamChanges', hashes: ['c'.repeat(64)] });
    await vi.advanceTimersByTimeAsync(AFTER_REFRESH_MS);
    expect(queue.fetches()).toBe(1);
    expect(client.getQueryState(queueKey)?.isInvalidated).toBe(true);
    live.dispose();
  });
});

describe('storage events', () => {
  const full: StorageHealth = {
    writable: false,
    fault: 'disk-full',
    problem: 'The disk holding your library is full.',
    message: 'The disk holding your library is full. Browsing goes on.',
    since: 1_700_000_000_000,
    neededBytes: 2 ** 20,
    freeBytes: 0,
  };

  it('win over a status fetch asked before the disk filled and answered after', async () => {
    // The server's health, read when a fetch is asked and answered 100 ms later.
    let health: StorageHealth = WRITABLE;
    const observer = new QueryObserver(client, {
      queryKey: queryKeys.libraryStatus,
      queryFn: () => {
        const asked = health;
        return new Promise<{ storage: StorageHealth }>((resolve) => setTimeout(() => resolve({ storage: asked }), 100));
      },
    });
    unsubscribes.push(observer.subscribe(() => undefined));
    await vi.advanceTimersByTimeAsync(100);
    void client.invalidateQueries({ queryKey: queryKeys.libraryStatus });
    await vi.advanceTimersByTimeAsync(10);

    health = full;
    applyLiveEvent(client).handle({ type: 'storage', storage: full });
    await vi.advanceTimersByTimeAsync(AFTER_REFRESH_MS);
    expect(client.getQueryData<{ storage: StorageHealth }>(queryKeys.libraryStatus)?.storage).toEqual(full);
  });
});

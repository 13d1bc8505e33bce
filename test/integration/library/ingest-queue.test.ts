import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { IngestQueue, PRIORITY } from '../../../electron/library/ingest-queue';
import type { IngestOutcome } from '../../../electron/library';
import { openLibraryStore, type LibraryStore } from '../../../electron/store';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
const stores: LibraryStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await dirs.cleanup();
});

async function store(dataDir?: string): Promise<{ store: LibraryStore; dataDir: string }> {
  const dir = dataDir ?? (await dirs.make('data-'));
  const opened = await openLibraryStore(dir);
  stores.push(opened);
  return { store: opened, dataDir: dir };
}

const done: IngestOutcome = { kind: 'new', hash: 'x' };

describe('IngestQueue', () => {
  it('runs one job more than there are cores, so decoding goes on while a file is being analysed', async () => {
    const { store: s } = await store();
    let running = 0,
      most = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = new IngestQueue(s, async () => {
      most = Math.max(most, ++running);
      await gate;
      running--;
      return done;
    });
    queue.enqueue(Array.from({ length: os.availableParallelism() + 4 }, (_, i) => `/lib/${i}.png`));
    await new Promise((r) => setTimeout(r, 20));
    release();
    await queue.idle();
    expect(most).toBe(os.availableParallelism() + 1);
  });

  it('runs what the user is looking at first', async () => {
    const { store: s } = await store();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = new IngestQueue(
      s,
      async (path) => {
        if (path === 'first') await gate;
        order.push(path);
        return done;
      },
      1,
    );
    queue.enqueue(['first']);
    queue.enqueue(['a', 'b', 'c', 'd']);
    queue.prioritize(['d', 'c']);
    release();
    await queue.idle();
    expect(order).toEqual(['first', 'd', 'c', 'a', 'b']);
  });

  it('persists jobs so a new process resumes exactly the unfinished ones', async () => {
    const { store: first, dataDir } = await store();
    // The first job never finishes: this process "dies" with it running and two queued.
    const queue = new IngestQueue(first, () => new Promise<IngestOutcome>(() => undefined), 1);
    queue.enqueue(['/lib/1.png', '/lib/2.png', '/lib/3.png'], PRIORITY.background);
    await new Promise((r) => setTimeout(r, 20));
    expect(first.listJobs(['running']).map((j) => j.path)).toEqual(['/lib/1.png']);
    await first.flush();
    stores.splice(stores.indexOf(first), 1);
    await first.close();

    const { store: second } = await store(dataDir);
    const seen: string[] = [];
    const resumed = new IngestQueue(
      second,
      async (path) => {
        seen.push(path);
        return done;
      },
      1,
    );
    expect(resumed.resume()).toBe(3);
    await resumed.idle();
    expect(seen.sort()).toEqual(['/lib/1.png', '/lib/2.png', '/lib/3.png']);
    expect(second.listJobs()).toEqual([]);
    expect(resumed.progress()).toMatchObject({ done: 3, total: 3, running: false });
  });

  it('turns a job that throws into a failure and keeps going', async () => {
    const { store: s } = await store();
    const queue = new IngestQueue(
      s,
      async (path) => {
        if (path === 'bad') throw new Error('boom');
        return done;
      },
      1,
    );
    const outcomes: Array<[string, IngestOutcome]> = [];
    queue.on('ingested', (path, outcome) => outcomes.push([path, outcome]));
    queue.enqueue(['bad', 'good']);
    await queue.idle();
    expect(outcomes).toEqual([
      ['bad', { kind: 'failed', reason: 'unexpected error: boom' }],
      ['good', done],
    ]);
  });

  it('records each job running, then done or failed with its reason; done records go once the run is over', async () => {
    const { store: s } = await store();
    const seen: string[] = [];
    const queue = new IngestQueue(
      s,
      async (path) => {
        seen.push(
          s
            .listJobs(['running'])
            .map((j) => j.path)
            .join(),
        );
        return path === 'corrupt' ? { kind: 'failed', reason: 'could not decode' } : done;
      },
      1,
    );
    queue.enqueue(['corrupt', 'fine']);
    await queue.idle();
    expect(seen).toEqual(['corrupt', 'fine']);
    expect(s.listJobs()).toEqual([
      expect.objectContaining({ path: 'corrupt', state: 'failed', error: 'could not decode' }),
    ]);
    expect(queue.progress()).toMatchObject({ done: 1, failed: 1, total: 2, running: false });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { IngestQueue } from '../../../electron/library/ingest-queue';
import type { IngestOutcome } from '../../../electron/library';
import { openLibraryStore, type LibraryStore } from '../../../electron/store';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
const stores: LibraryStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await dirs.cleanup();
});

async function openStore(): Promise<LibraryStore> {
  const store = await openLibraryStore(await dirs.make('data-'));
  stores.push(store);
  return store;
}

const systemError = (code: string) => Object.assign(new Error(`${code}: read failed`), { code });

describe('IngestQueue and failures that are not the file’s', () => {
  it('tries a file again after a read the machine failed, and records nothing against it once it reads', async () => {
    const store = await openStore();
    let attempts = 0;
    const queue = new IngestQueue(
      store,
      async (): Promise<IngestOutcome> => {
        if (++attempts < 3) throw systemError('EIO');
        return { kind: 'new', hash: 'h' };
      },
      1,
      5,
    );
    queue.enqueue(['/share/a.png']);
    await queue.idle();
    expect(attempts).toBe(3);
    expect(queue.progress()).toMatchObject({ done: 1, failed: 0 });
    expect(queue.environmentFailures()).toEqual([]);
    expect(store.listErrors()).toEqual([]);
  });

  it('lists a file the machine kept failing to read as an environment failure, not as a failed file', async () => {
    const store = await openStore();
    const queue = new IngestQueue(store, async () => Promise.reject(systemError('EMFILE')), 1, 5);
    queue.enqueue(['/share/b.png']);
    await queue.idle();
    expect(store.listErrors()).toEqual([]);
    expect(queue.environmentFailures()).toEqual([
      expect.objectContaining({
        path: '/share/b.png',
        kind: 'environment',
        reason: expect.stringMatching(/EMFILE.*gave up/),
      }),
    ]);
  });

  it('reads such a file again once the machine has recovered', async () => {
    const store = await openStore();
    let broken = true;
    const queue = new IngestQueue(
      store,
      async (): Promise<IngestOutcome> => {
        if (broken) throw systemError('ETIMEDOUT');
        return { kind: 'new', hash: 'h' };
      },
      1,
      5,
    );
    queue.enqueue(['/share/d.png']);
    await queue.idle();
    expect(queue.environmentFailures()).toHaveLength(1);
    broken = false;
    queue.environmentRecovered();
    await queue.idle();
    expect(queue.environmentFailures()).toEqual([]);
    expect(queue.progress()).toMatchObject({ done: 1, failed: 0 });
  });

  it('still fails a file whose own bytes are at fault, once, as the file’s failure', async () => {
    const store = await openStore();
    let attempts = 0;
    const queue = new IngestQueue(
      store,
      async (): Promise<IngestOutcome> => {
        attempts++;
        return { kind: 'failed', reason: 'not an image' };
      },
      1,
      5,
    );
    queue.enqueue(['/lib/c.txt.png']);
    await queue.idle();
    expect(attempts).toBe(1);
    expect(queue.environmentFailures()).toEqual([]);
    expect(queue.progress().failed).toBe(1);
  });
});

import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { makeSmallDisk, smallDiskRefusal, type SmallDisk } from '../../support/small-disk';
import { makeChecks } from '../../support/images';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
const disks: SmallDisk[] = [];
afterEach(async () => {
  for (const disk of disks.splice(0)) disk.unmount();
  await dirs.cleanup();
});

const FILES = 12;

async function folderOfImages(): Promise<string> {
  const root = await dirs.make('lib-');
  for (let i = 0; i < FILES; i++) {
    const colours: [string, string] = [`#${(0x203040 + i * 0x0a0b0c).toString(16).slice(-6)}`, '#ffffff'];
    await fs.writeFile(
      path.join(root, `checks-${i}.png`),
      await makeChecks({ width: 400, height: 300, period: 20 + i, colours }),
    );
  }
  return root;
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(smallDiskRefusal !== null)('ingest while the disk holding the library fills up', () => {
  it('waits with the reason, records no file as failed, and goes on by itself once there is room', async () => {
    const disk = makeSmallDisk(16 * 1024);
    disks.push(disk);
    const folder = await folderOfImages();
    const engine = await Engine.open({ dataDir: path.join(disk.dir, 'data'), concurrency: 1, storageCheckMs: 50 });
    const { library, store } = engine;
    let filled = false;
    library.on('change', (change) => {
      // The disk fills up while the third file is read.
      if (change.kind === 'ingested' && store.stats().assets === 2 && !filled) {
        filled = true;
        disk.fill();
      }
    });
    try {
      await library.addFolder(folder);
      await until(() => library.progress().waitingFor !== null);
      expect(library.progress().waitingFor).toMatch(/The disk holding your library is full/);
      expect(store.storage.status.writable).toBe(false);
      const waiting = store.stats().assets;
      expect(waiting).toBeLessThan(FILES);
      expect(store.listErrors()).toEqual([]);
      expect(library.queue.environmentFailures()).toEqual([]);

      disk.free();
      await until(() => store.stats().assets === FILES);
      await library.idle();
      expect(store.storage.status.writable).toBe(true);
      expect(store.listErrors()).toEqual([]);
      expect(library.progress()).toMatchObject({ done: FILES, failed: 0, waitingFor: null });
      await engine.close();
    } finally {
      // Already closed on success; after a failed expectation the disk may still be full.
      await engine.close().catch(() => undefined);
    }
  });
});

import { execFile, spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CorruptLibraryError, LibraryLockedError, openLibraryStore } from '../../../electron/store';
import { makeSyntheticAssets } from '../../unit/store/synthetic-assets';
import { makeTempDir, openTempStore } from '../../unit/store/temp-store';
import { readLibraryDocument } from '../../support/library-files';

const run = promisify(execFile);
const CRASH_WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

async function crashAfterRecording(dataDir: string, count: number): Promise<void> {
  const child = run(process.execPath, ['--import', 'tsx', CRASH_WRITER, dataDir, String(count)]);
  await expect(child).rejects.toMatchObject({ signal: 'SIGKILL' });
}

describe('crash safety', () => {
  it('keeps every recorded asset when the process is killed before any snapshot', async () => {
    const dir = await makeTempDir();
    await crashAfterRecording(dir, 200);
    expect(existsSync(join(dir, 'library.json'))).toBe(false);

    const { store } = await openTempStore({}, dir);
    expect(store.stats().assets).toBe(200);
    expect(store.listFolders().map((f) => f.path)).toEqual(['/library']);
    expect(store.listJobs(['queued']).map((j) => j.path)).toEqual(['/library/next.jpg']);
    const expected = makeSyntheticAssets(200, 42)[137];
    // Vectors are kept in float32, the precision search compares and the shards store them in.
    expect(store.getAsset(expected.hash)).toEqual({
      ...expected,
      vector: Array.from(Float32Array.from(expected.vector)),
    });

    // Replayed state is snapshotted and the journal emptied on close.
    await store.close();
    expect((await readLibraryDocument(dir)).assets).toHaveLength(200);
    expect(readFileSync(join(dir, 'library.journal.jsonl'), 'utf8')).toBe('');
  });

  it('ignores a torn last journal line and keeps appending on a fresh line', async () => {
    const dir = await makeTempDir();
    await crashAfterRecording(dir, 20);
    const journal = join(dir, 'library.journal.jsonl');
    appendFileSync(journal, '{"seq":999,"op":{"type":"removeFi');

    const { store } = await openTempStore({ snapshotIntervalMs: 3_600_000 }, dir);
    expect(store.stats().assets).toBe(20);
    store.addFolder('/after-crash');
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).op.type).at(-1)).toBe('addFolder');

    const reopened = await openTempStore({}, dir);
    expect(reopened.store.listFolders().map((f) => f.path)).toEqual(['/library', '/after-crash']);
  });

  it('applies journal entries after a snapshot only once (crash between snapshot and rotation)', async () => {
    const { store, dir } = await openTempStore({ snapshotIntervalMs: 3_600_000 });
    const journal = join(dir, 'library.journal.jsonl');
    store.addFolder('/a');
    const stale = readFileSync(journal, 'utf8');
    await store.flush();
    store.addFolder('/b');
    await store.close();
    // Put the already-snapshotted entry back, as if rotation had not happened.
    appendFileSync(journal, stale);
    const { store: reopened } = await openTempStore({}, dir);
    expect(reopened.listFolders().map((f) => f.path)).toEqual(['/a', '/b']);
  });

  it('refuses a journal damaged before its last line', async () => {
    const dir = await makeTempDir();
    await crashAfterRecording(dir, 5);
    appendFileSync(join(dir, 'library.journal.jsonl'), 'garbage\n{"seq":1000,"op":{"type":"removeJobs","paths":[]}}\n');
    await expect(openTempStore({}, dir)).rejects.toThrow(CorruptLibraryError);
    await expect(openTempStore({}, dir)).rejects.toThrow(/library\.journal\.jsonl.*line \d+ is not valid JSON/);
  });
});

describe('one process per library', () => {
  it('refuses a second process while the first is alive, and takes over the lock of a killed one', async () => {
    const dir = await makeTempDir();
    const holder = spawn(process.execPath, [
      '-e',
      `require('fs').writeFileSync(${JSON.stringify(join(dir, 'library.lock'))}, String(process.pid)); setInterval(() => {}, 1000)`,
    ]);
    // A busy machine may take a while to start the holder.
    const lock = join(dir, 'library.lock');
    await expect.poll(() => existsSync(lock) && readFileSync(lock, 'utf8').length > 0, { timeout: 10_000 }).toBe(true);
    await expect(openLibraryStore(dir)).rejects.toThrow(LibraryLockedError);
    await expect(openLibraryStore(dir)).rejects.toThrow(
      `already open in another Swatchbook process (pid ${holder.pid})`,
    );
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('close', r));
    const { store } = await openTempStore({}, dir);
    expect(store.listFolders()).toEqual([]);
  });
});

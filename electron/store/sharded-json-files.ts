import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { LibraryDocument } from './document';
import { CorruptLibraryError } from './errors';
import type { SnapshotAdapter, StoreOpenProgress } from './library-store';
import {
  isLibraryHead,
  mergeDocument,
  SHARD_KEYS,
  shardReferences,
  splitDocument,
  type LibraryHead,
  type ShardId,
  type ShardRecords,
} from './record-shards';
import { jsonChunks } from './json-chunks';
import { readLargeJsonObject } from './large-json';
import { packAsset, unpackAsset } from './packed-vectors';

const PARALLEL_READS = 8;
/** Past this, a file is read item by item (a schema-6 library.json can outgrow a JavaScript string). */
const LARGE_FILE_BYTES = 256 * 2 ** 20;
const SHARD_FILE = /^([0-9a-f]{2})\.(\d+)\.json$/;

interface WrittenShard {
  generation: number;
  references: unknown[];
}

/**
 * The library on disk as a folder of JSON files: library.json holds the head (folders, jobs,
 * collections, settings, campaigns…) and, per hash prefix, which file under records/ holds
 * that shard's images, model answers, review decisions and corrections. A snapshot rewrites
 * only the shards whose records were replaced since the last one (records are never mutated
 * in place, so comparing references is enough): reviewing one image at 250,000 writes a few
 * megabytes, not the whole library.
 *
 * Crash safety is copy-on-write: changed shards go to new generation files, and the head,
 * written to a temp file and renamed, is the commit point. Until the rename the old head
 * names the old, untouched files; after it, the superseded files are deleted.
 * A single-file library.json (schema 6 and older) is read as it is, and the first snapshot
 * after its migration writes the new layout.
 */
export class ShardedJsonFiles implements SnapshotAdapter {
  private written = new Map<ShardId, WrittenShard>();
  /** Whether this process has cleared the records folder of files no head names. */
  private swept = false;
  /** Set while the store opens (reading, and writing out a migrated library), so people see how far it is. */
  onProgress: ((progress: StoreOpenProgress) => void) | undefined;

  constructor(
    private readonly headFile: string,
    private readonly recordsDir: string,
  ) {}

  async read(): Promise<LibraryDocument | null> {
    const head = await readJson(this.headFile, this.onProgress);
    if (head === null) return null;
    if (!isLibraryHead(head)) return head as LibraryDocument;
    const entries = Object.entries(head.recordShards);
    const shards: ShardRecords[] = [];
    for (let i = 0; i < entries.length; i += PARALLEL_READS) {
      const batch = entries.slice(i, i + PARALLEL_READS);
      shards.push(...(await Promise.all(batch.map(([id, generation]) => this.readShard(id, generation)))));
      this.onProgress?.({ stage: 'reading', done: shards.length, total: entries.length, unit: 'shards' });
    }
    this.written = new Map(
      entries.map(([id, generation], i) => [id, { generation, references: shardReferences(shards[i]) }]),
    );
    return mergeDocument(head, shards);
  }

  async write(doc: LibraryDocument): Promise<void> {
    const { head, shards } = await splitDocument(doc, () => yieldToLoop());
    await mkdir(this.recordsDir, { recursive: true });
    const next = new Map<ShardId, WrittenShard>();
    const changed: [ShardId, ShardRecords, unknown[]][] = [];
    for (const [id, records] of shards) {
      const references = shardReferences(records);
      const before = this.written.get(id);
      if (before && sameReferences(before.references, references)) next.set(id, before);
      else changed.push([id, records, references]);
    }
    for (const [done, [id, records, references]] of changed.entries()) {
      const generation = (this.written.get(id)?.generation ?? 0) + 1;
      const stored = { shard: id, generation, ...records, assets: records.assets.map(packAsset) };
      await writeJson(this.shardFile(id, generation), stored, false);
      next.set(id, { generation, references });
      this.onProgress?.({ stage: 'writing', done: done + 1, total: changed.length, unit: 'shards' });
    }
    const recordShards = Object.fromEntries([...next].map(([id, shard]) => [id, shard.generation]));
    await writeJson(this.headFile, { ...head, recordShards } satisfies LibraryHead, true);
    const superseded = [...this.written]
      .filter(([id, shard]) => next.get(id)?.generation !== shard.generation)
      .map(([id, shard]) => this.shardFile(id, shard.generation));
    this.written = next;
    for (const file of superseded) await rm(file, { force: true });
    if (!this.swept) await this.removeLeftovers();
  }

  private shardFile(id: ShardId, generation: number): string {
    return join(this.recordsDir, `${id}.${generation}.json`);
  }

  private async readShard(id: ShardId, generation: number): Promise<ShardRecords> {
    const file = this.shardFile(id, generation);
    const shard = await readJson(file);
    if (shard === null) throw new CorruptLibraryError(file, 'library.json names this file but it is missing');
    for (const key of SHARD_KEYS) {
      if (!Array.isArray((shard as ShardRecords)[key])) {
        throw new CorruptLibraryError(file, `"${key}" is missing or not a list`);
      }
    }
    const records = shard as ShardRecords;
    try {
      return { ...records, assets: records.assets.map(unpackAsset) };
    } catch (error) {
      throw new CorruptLibraryError(file, (error as Error).message);
    }
  }

  /** Files a crash left (written before their head was committed, or superseded but not yet removed); once per process. */
  private async removeLeftovers(): Promise<void> {
    this.swept = true;
    for (const name of await readdir(this.recordsDir)) {
      const match = SHARD_FILE.exec(name);
      const current = match && this.written.get(match[1])?.generation === Number(match[2]);
      if (!current) await rm(join(this.recordsDir, name), { force: true });
    }
  }
}

function sameReferences(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function readJson(file: string, onProgress?: (progress: StoreOpenProgress) => void): Promise<unknown> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > LARGE_FILE_BYTES) {
      const total = Math.ceil(size / 2 ** 20);
      const report = (bytes: number) =>
        onProgress?.({ stage: 'reading', done: Math.floor(bytes / 2 ** 20), total, unit: 'MB' });
      return await readLargeJsonObject(file, report);
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptLibraryError(file, `not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Streams the value's JSON to disk and syncs it. A new shard generation is written in place
 * (nothing names it yet); the head goes through a temp file and a rename, the commit point.
 */
async function writeJson(file: string, value: object, viaRename: boolean): Promise<void> {
  const target = viaRename ? join(dirname(file), `.${basename(file)}.tmp`) : file;
  const handle = await open(target, 'w');
  try {
    for (const chunk of jsonChunks(value)) await handle.write(chunk);
    // The rename must not land before the data does, or a power cut could leave an empty file.
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (viaRename) await rename(target, file);
}

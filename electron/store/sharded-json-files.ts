import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { LibraryDocument } from './document';
import { CorruptLibraryError } from './errors';
import type { SnapshotAdapter, StoreOpenProgress } from './library-store';
import {
  emptyShard,
  isLibraryHead,
  mergeDocument,
  withImpliedFiles,
  withoutImpliedFiles,
  SHARD_KEYS,
  splitDocument,
  type LibraryHead,
  type ShardId,
  type ShardRecords,
  type PlacedShard,
  type ShardPlaces,
  type ShardRecordsOf,
} from './record-shards';
import { jsonChunks } from './json-chunks';
import { readLargeJsonObject } from './large-json';
import { packAsset, sourceOf, unpackAsset, type PackedAsset } from './packed-asset';
import { unpackAnswer } from './packed-answer';
import { MigrationLog } from './migration-log';
import { applyShardChange, type ShardChange } from './shard-changes';
import { shardFileChunks, shardLines, type PlaceRecord } from './shard-file';
import { rewrittenShard } from './shard-rewrite';
import { WrittenAnswers, WrittenAssets, type WrittenRecords } from './written-records';
import type { ModelAnalysis } from '../../shared/model';

/** Shard files read while the one before them is used (at 250,000 images, each is ~2.5 MB). */
const READ_AHEAD = 4;
const DONE: Promise<PlacedShard> = Promise.resolve({ ...emptyShard(), places: null });
/** Past this, a file is read item by item (a schema-6 library.json can outgrow a JavaScript string). */
const LARGE_FILE_BYTES = 256 * 2 ** 20;
const SHARD_FILE = /^([0-9a-f]{2})\.(\d+)\.json$/;

/**
 * The library on disk as a folder of JSON files: library.json holds the head (folders, jobs,
 * collections, settings, campaigns…) and, per hash prefix, which file under records/ holds
 * that shard's images, model answers, review decisions and corrections. A snapshot rewrites
 * only the shards whose records changed since the last one (see shard-changes.ts), starting
 * from the file as last written: reviewing one image at 250,000 writes a few megabytes, not
 * the whole library, and needs no capture of every record.
 *
 * Crash safety is copy-on-write: changed shards go to new generation files, and the head,
 * written to a temp file and renamed, is the commit point. Until the rename the old head
 * names the old, untouched files; after it, the superseded files are deleted.
 * A single-file library.json (schema 6 and older) is read as it is, and the first snapshot
 * after its migration writes the new layout.
 */
export class ShardedJsonFiles implements SnapshotAdapter {
  /** Per shard, the generation the current head names. */
  private written = new Map<ShardId, number>();
  /** The seq of the library as the current head (with the shard files it names) holds it. */
  headSeq: number | null = null;
  /** Whether this process has cleared the records folder of files no head names. */
  private swept = false;
  /** Set when library.json was read as a single file: its move into shards resumes if cut short. */
  private migration: MigrationLog | null = null;
  /** Whether records read are given their places in their files (only where the store is told of every write). */
  placesRecords = false;
  /** Told, once a snapshot is committed, which records it wrote (each now has its place in its file noted). */
  onRecordsWritten: ((written: WrittenRecords) => Promise<void>) | undefined;
  /** The string memory already holds for a hash (or the hash itself), so a snapshot keeps no second copy of it. */
  heldHash: ((hash: string) => string) | undefined;
  /** Shards read from an older file laid out on one line: rewritten a record per line by the next snapshot. */
  readonly unplacedShards = new Set<ShardId>();
  /** Set while the store opens (reading, and writing out a migrated library), so people see how far it is. */
  onProgress: ((progress: StoreOpenProgress) => void) | undefined;

  constructor(
    private readonly headFile: string,
    private readonly recordsDir: string,
  ) {}

  async read(): Promise<LibraryDocument | null> {
    const head = await this.readHead();
    if (head === null || !isLibraryHead(head)) return head as LibraryDocument | null;
    const shards: ShardRecords[] = [];
    for await (const shard of this.shards(head)) shards.push(shard);
    return mergeDocument(head, shards);
  }

  /**
   * library.json as it is: a head naming shard files, or (schema 6 and older) the whole library
   * in one file, whose move into shards is then resumable (see MigrationLog).
   */
  async readHead(): Promise<unknown> {
    const head = await readJson(this.headFile, this.onProgress);
    if (isLibraryHead(head)) {
      this.written = new Map(Object.entries(head.recordShards));
      this.headSeq = head.seq;
    } else if (head !== null) {
      const { size, mtimeMs } = await stat(this.headFile);
      this.migration = new MigrationLog(this.recordsDir, { size, mtimeMs });
    }
    return head;
  }

  /**
   * The shards the head names, one at a time in its order, the next few read ahead while one is
   * used: a library is then built without ever holding all its records at once.
   */
  async *shards(head: LibraryHead): AsyncGenerator<PlacedShard> {
    const entries = Object.entries(head.recordShards);
    const read = ([id, generation]: [ShardId, number]) => {
      const pending = this.readShard(id, generation);
      // Read ahead, but a failure is told when its shard's turn comes, not as an unhandled rejection.
      pending.catch(() => undefined);
      return pending;
    };
    const reading = entries.slice(0, READ_AHEAD).map(read);
    for (let i = 0; i < entries.length; i++) {
      if (i + READ_AHEAD < entries.length) reading.push(read(entries[i + READ_AHEAD]));
      yield await reading[i];
      reading[i] = DONE;
      this.onProgress?.({ stage: 'reading', done: i + 1, total: entries.length, unit: 'shards' });
    }
  }

  /** Every shard anew from the whole document (the first write of a migrated or recovered library). */
  async write(doc: LibraryDocument): Promise<void> {
    const { head, shards } = await splitDocument(doc, () => yieldToLoop());
    const finished = (await this.migration?.finished((id) => this.shardFile(id, 1))) ?? new Set<ShardId>();
    const stored = [...shards].map(([id, records]): [ShardId, ShardWrite | null] => [
      id,
      finished.has(id) ? null : storedWrite(id, storedForm(records)),
    ]);
    await this.commit(head, stored, new Set(this.written.keys()), () => true);
    await this.migration?.remove();
    this.migration = null;
  }

  /**
   * Only the shards that changed: each is read as last written, changed, and written as a new
   * generation; every other shard file stays as it is.
   */
  async writeChanges(head: Omit<LibraryHead, 'recordShards'>, changes: Map<ShardId, ShardChange>): Promise<void> {
    const shards: [ShardId, ShardWrite][] = [];
    const changedAnswers = new Set<ModelAnalysis>();
    for (const [id, change] of changes) {
      for (const answers of change.modelAnalyses.values()) for (const answer of answers) changedAnswers.add(answer);
      shards.push([id, this.changedShard(id, change)]);
    }
    await this.commit(head, shards, new Set(), (answer) => changedAnswers.has(answer));
  }

  /**
   * How to write a changed shard: its last file's lines with the changed records replaced (see
   * shard-rewrite.ts), or, for a new shard or an older file on one line, every record anew.
   */
  private changedShard(id: ShardId, change: ShardChange): ShardWrite {
    const generation = this.written.get(id);
    if (generation === undefined)
      return storedWrite(id, applyShardChange(emptyShard<PackedAsset>(), change, packAsset));
    // Read when its turn comes: reading every changed shard first held them all at once (~550 MB
    // at 250,000 images, when an ingest touches every shard) and the garbage collector ran on and on.
    return async (file, next, place) => {
      const old = await this.readShardBytes(id, generation);
      const lines = shardLines(old);
      if (lines) return rewrittenShard(file, { shard: id, generation: next }, old, lines, change, place);
      const stored = parseShard(this.shardFile(id, generation), old);
      return storedWrite(id, applyShardChange(stored, change, packAsset))(file, next, place);
    };
  }

  /**
   * New generations of `shards`, then the head naming them (the commit), then the superseded
   * files go. `fromMemory`: whether an answer written is memory's own record (not one read back).
   */
  private async commit(
    head: Omit<LibraryHead, 'recordShards'>,
    shards: [ShardId, ShardWrite | null][],
    dropped: Set<ShardId>,
    fromMemory: (answer: ModelAnalysis) => boolean,
  ): Promise<void> {
    // Not recursive: a data folder deleted under the app must fail this write, not come back empty.
    await mkdir(this.recordsDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    const next = new Map([...this.written].filter(([id]) => !dropped.has(id)));
    const written: WrittenRecords = { assets: new WrittenAssets(), answers: new WrittenAnswers() };
    // Keys read back from copied lines are new strings: kept until the commit, they are memory's own
    // (a hash as the index has it, a model or prompt name once per snapshot instead of once per answer).
    const heldHash = this.heldHash ?? ((hash: string) => hash);
    const names = new Map<string, string>();
    const name = (value: string) => names.get(value) ?? (names.set(value, value), value);
    // Only keys and places are kept of what was read back from the old files: not ~600 MB of records.
    const place: PlaceRecord = (key, record, span) => {
      if (key === 'modelAnalyses') {
        const answer = record as ModelAnalysis;
        const { hash, requestedModelId, promptVersion } = answer;
        const held = {
          hash: heldHash(hash),
          requestedModelId: name(requestedModelId),
          promptVersion: name(promptVersion),
        };
        written.answers.push(held, fromMemory(answer) ? answer : null, span);
      } else if (key === 'assets') {
        written.assets.push(heldHash((record as PackedAsset).hash), sourceOf(record as PackedAsset) ?? null, span);
      }
    };
    for (const [done, [id, records]] of shards.entries()) {
      const generation = (this.written.get(id) ?? 0) + 1;
      // null: written by an earlier attempt at this move into shards (see MigrationLog).
      if (records !== null) {
        const file = this.shardFile(id, generation);
        await writeFile(file, await records(file, generation, place), false);
        this.unplacedShards.delete(id);
        await this.migration?.add(id, (await stat(file)).size);
      }
      next.set(id, generation);
      this.onProgress?.({ stage: 'writing', done: done + 1, total: shards.length, unit: 'shards' });
    }
    await writeJson(this.headFile, { ...head, recordShards: Object.fromEntries(next) } satisfies LibraryHead, true);
    const superseded = [...this.written]
      .filter(([id, generation]) => next.get(id) !== generation)
      .map(([id, generation]) => this.shardFile(id, generation));
    this.written = next;
    this.headSeq = head.seq;
    // Before the superseded files go: records read back from now on come from the new ones.
    await this.onRecordsWritten?.(written);
    for (const file of superseded) await rm(file, { force: true });
    if (!this.swept) await this.removeLeftovers();
  }

  /** The shard files the current head names. */
  currentFiles(): string[] {
    return [...this.written].map(([id, generation]) => this.shardFile(id, generation));
  }

  private shardFile(id: ShardId, generation: number): string {
    return join(this.recordsDir, `${id}.${generation}.json`);
  }

  private async readShard(id: ShardId, generation: number): Promise<PlacedShard> {
    const { stored, places } = await this.readStoredShard(id, generation);
    if (this.placesRecords && places === null) this.unplacedShards.add(id);
    try {
      return { ...withImpliedFiles(stored), assets: stored.assets.map(unpackAsset), places };
    } catch (error) {
      throw new CorruptLibraryError(this.shardFile(id, generation), (error as Error).message);
    }
  }

  private async readStoredShard(
    id: ShardId,
    generation: number,
  ): Promise<{ stored: StoredShard; places: ShardPlaces | null }> {
    const file = this.shardFile(id, generation);
    const bytes = await this.readShardBytes(id, generation);
    const shard = parseShard(file, bytes);
    return { stored: shard, places: this.placesRecords ? placesIn(file, bytes, shard) : null };
  }

  private async readShardBytes(id: ShardId, generation: number): Promise<Buffer> {
    const file = this.shardFile(id, generation);
    return readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT')
        throw new CorruptLibraryError(file, 'library.json names this file but it is missing');
      throw error;
    });
  }

  /** Files a crash left (written before their head was committed, or superseded but not yet removed); once per process. */
  private async removeLeftovers(): Promise<void> {
    this.swept = true;
    for (const name of await readdir(this.recordsDir)) {
      const match = SHARD_FILE.exec(name);
      const current = match && this.written.get(match[1]) === Number(match[2]);
      if (!current) await rm(join(this.recordsDir, name), { force: true });
    }
  }
}

/** Where the file holds each asset and answer; null for an older file on one line (or lines that do not match). */
function placesIn(file: string, bytes: Buffer, shard: StoredShard): ShardPlaces | null {
  const lines = shardLines(bytes);
  const fits = (key: 'assets' | 'modelAnalyses') => lines !== null && lines[key].length === shard[key].length;
  if (!lines || !fits('assets') || !fits('modelAnalyses')) return null;
  const spans = (key: 'assets' | 'modelAnalyses') => lines[key].map(({ start, end }) => ({ file, start, end }));
  return { assets: spans('assets'), answers: spans('modelAnalyses') };
}

/** A shard's records with assets packed as the file holds them. */
type StoredShard = ShardRecordsOf<PackedAsset>;

/** Writes a shard's next generation to `file`, telling where each record went. */
type ShardWrite = (
  file: string,
  generation: number,
  place: PlaceRecord,
) => Iterable<string | Buffer> | Promise<Iterable<string | Buffer>>;

/** Every record of `records` written anew, those that repeat an image's location left out. */
const storedWrite =
  (id: ShardId, records: StoredShard): ShardWrite =>
  (file, generation, place) =>
    shardFileChunks(file, { shard: id, generation, ...withoutImpliedFiles(records) }, place);

function parseShard(file: string, bytes: Buffer): StoredShard {
  const shard = parseJson(file, bytes.toString('utf8')) as StoredShard;
  for (const key of SHARD_KEYS) {
    if (!Array.isArray(shard?.[key])) throw new CorruptLibraryError(file, `"${key}" is missing or not a list`);
  }
  shard.modelAnalyses.forEach(unpackAnswer);
  return shard;
}

const storedForm = (records: ShardRecords): StoredShard => ({ ...records, assets: records.assets.map(packAsset) });

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
  return parseJson(file, text);
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptLibraryError(file, `not valid JSON: ${(error as Error).message}`);
  }
}

async function writeJson(file: string, value: object, viaRename: boolean): Promise<void> {
  await writeFile(file, jsonChunks(value), viaRename);
}

/**
 * Streams the text to disk and syncs it. A new shard generation is written in place
 * (nothing names it yet); the head goes through a temp file and a rename, the commit point.
 */
async function writeFile(file: string, chunks: Iterable<string | Buffer>, viaRename: boolean): Promise<void> {
  const target = viaRename ? join(dirname(file), `.${basename(file)}.tmp`) : file;
  const handle = await open(target, 'w');
  try {
    try {
      for (const chunk of chunks) await (typeof chunk === 'string' ? handle.write(chunk) : handle.write(chunk));
      // The rename must not land before the data does, or a power cut could leave an empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (viaRename) await rename(target, file);
  } catch (error) {
    // Nothing names a file still being written: a full disk gets its space back at once.
    await rm(target, { force: true });
    throw error;
  }
}

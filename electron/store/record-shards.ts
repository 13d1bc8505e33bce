import type { LabelCorrection } from '../../shared/model';
import type { ReviewDecision } from '../../shared/model/review';
import type { LibraryDocument } from './document';
import type { FileRecord } from './library-store';
import { MinHeap } from './min-heap';
import type { RecordSpan } from './record-spans';

/** Everything recorded about particular images: these live in per-shard files, by hash prefix. */
export const SHARD_KEYS = ['assets', 'files', 'modelAnalyses', 'reviewDecisions', 'labelCorrections'] as const;
export type ShardKey = (typeof SHARD_KEYS)[number];
export type ShardRecords = Pick<LibraryDocument, ShardKey>;
export type ShardId = string;

/** library.json: the rest of the document, files not (yet) ingested, and the shard files that count. */
export type LibraryHead = Omit<LibraryDocument, ShardKey> & {
  files: FileRecord[];
  /** Per shard id, the generation of its current file (records/<id>.<generation>.json). */
  recordShards: Record<ShardId, number>;
};

const HEX_PREFIX = /^[0-9a-f]{2}/;
/** Records between two yields while splitting, so a snapshot never blocks the event loop for long. */
const YIELD_EVERY = 20_000;

/** The first two hex digits of a content hash, so a person finds an image's records by its hash. */
export function shardOf(hash: string): ShardId {
  const prefix = hash.slice(0, 2).toLowerCase();
  if (HEX_PREFIX.test(prefix)) return prefix;
  // Not a sha256 (older test data): any stable spread will do.
  let h = 0x811c9dc5;
  for (let i = 0; i < hash.length; i++) h = Math.imul(h ^ hash.charCodeAt(i), 0x01000193);
  return ((h >>> 0) & 0xff).toString(16).padStart(2, '0');
}

export function isLibraryHead(value: unknown): value is LibraryHead {
  const head = value as Partial<LibraryHead> | null;
  return (
    typeof head === 'object' && head !== null && typeof head.recordShards === 'object' && head.recordShards !== null
  );
}

/** Where each of a shard's assets and answers is in its file, in their order there. */
export interface ShardPlaces {
  assets: RecordSpan[];
  answers: RecordSpan[];
}

/** A shard as read, with its records' places (null for an older file laid out on one line). */
export type PlacedShard = ShardRecords & { places: ShardPlaces | null };

type Located = { hash: string; locations: readonly { path: string; fileSize: number; mtimeMs: number }[] };

/**
 * The shard without the file records its assets' locations already say (a file read without
 * error, at the size and time its location has): ~180 bytes per image that a file need not hold.
 */
export function withoutImpliedFiles<S extends { assets: Located[]; files: FileRecord[] }>(shard: S): S {
  const located = new Map<string, { hash: string; fileSize: number; mtimeMs: number }>();
  for (const { hash, locations } of shard.assets) for (const l of locations) located.set(l.path, { hash, ...l });
  const implied = (file: FileRecord) => {
    const l = located.get(file.path);
    return file.error === null && l?.hash === file.hash && l.fileSize === file.fileSize && l.mtimeMs === file.mtimeMs;
  };
  return { ...shard, files: shard.files.filter((file) => !implied(file)) };
}

/** The shard with the file record of every location that has none written (see withoutImpliedFiles). */
export function withImpliedFiles<S extends { assets: Located[]; files: FileRecord[] }>(shard: S): S {
  const written = new Set(shard.files.map((file) => file.path));
  const implied: FileRecord[] = [];
  for (const { hash, locations } of shard.assets) {
    for (const { path, fileSize, mtimeMs } of locations) {
      if (!written.has(path)) implied.push({ path, hash, fileSize, mtimeMs, error: null, errorAt: null });
    }
  }
  return implied.length === 0 ? shard : { ...shard, files: [...implied, ...shard.files] };
}

/** The assets' hashes and paths as they hold them, for other records naming the same ones. */
export function sharedStrings(assets: readonly Located[]): (value: string) => string {
  const strings = new Map<string, string>();
  for (const asset of assets) {
    strings.set(asset.hash, asset.hash);
    for (const { path } of asset.locations) strings.set(path, path);
  }
  return (value) => strings.get(value) ?? value;
}

/** A shard's records with its assets in the form `A`: as memory holds them, or packed as its file does. */
export type ShardRecordsOf<A> = Omit<ShardRecords, 'assets'> & { assets: A[] };

export const emptyShard = <A = ShardRecords['assets'][number]>(): ShardRecordsOf<A> => ({
  assets: [],
  files: [],
  modelAnalyses: [],
  reviewDecisions: [],
  labelCorrections: [],
});

/** Splits a document into its head (without recordShards) and its per-image records by shard. */
export async function splitDocument(
  doc: LibraryDocument,
  yieldToLoop: () => Promise<void>,
): Promise<{ head: Omit<LibraryHead, 'recordShards'>; shards: Map<ShardId, ShardRecords> }> {
  const shards = new Map<ShardId, ShardRecords>();
  const unhashed: FileRecord[] = [];
  let counted = 0;
  const place = async <K extends ShardKey>(key: K, hash: string, record: ShardRecords[K][number]) => {
    let shard = shards.get(shardOf(hash));
    if (!shard) shards.set(shardOf(hash), (shard = emptyShard()));
    (shard[key] as unknown[]).push(record);
    if (++counted % YIELD_EVERY === 0) await yieldToLoop();
  };
  for (const asset of doc.assets) await place('assets', asset.hash, asset);
  for (const file of doc.files) {
    if (file.hash === null) unhashed.push(file);
    else await place('files', file.hash, file);
  }
  for (const analysis of doc.modelAnalyses) await place('modelAnalyses', analysis.hash, analysis);
  for (const decision of doc.reviewDecisions) await place('reviewDecisions', decision.hash, decision);
  for (const correction of doc.labelCorrections) await place('labelCorrections', correction.hash, correction);
  const head = { ...doc, files: unhashed } as Partial<LibraryDocument>;
  for (const key of SHARD_KEYS) if (key !== 'files') delete head[key];
  return { head: head as Omit<LibraryHead, 'recordShards'>, shards };
}

/**
 * The document again. Each log is put back in time order by merging the shards' lists, never
 * reordering within a shard: clocks differ between machines and go backwards, and a shard's
 * list is the order its records were made in.
 */
export function mergeDocument(head: LibraryHead, shards: readonly ShardRecords[]): LibraryDocument {
  const rest: Partial<LibraryHead> = { ...head };
  delete rest.recordShards;
  const doc: LibraryDocument = {
    ...(rest as Omit<LibraryHead, 'recordShards'>),
    files: [...head.files],
    assets: [],
    modelAnalyses: [],
    reviewDecisions: mergeByTime(shards.map((shard) => shard.reviewDecisions)),
    labelCorrections: mergeByTime(shards.map((shard) => shard.labelCorrections)),
  };
  for (const shard of shards) {
    for (const record of shard.assets) doc.assets.push(record);
    for (const record of shard.files) doc.files.push(record);
    for (const record of shard.modelAnalyses) doc.modelAnalyses.push(record);
  }
  return doc;
}

/** A k-way merge: repeatedly the earliest of the lists' next records (ties to the lower list). */
export function mergeByTime<R extends ReviewDecision | LabelCorrection>(lists: readonly R[][]): R[] {
  const next = lists.map(() => 0);
  const heap = new MinHeap<number>((a, b) => lists[a][next[a]].at - lists[b][next[b]].at || a - b);
  lists.forEach((list, i) => list.length > 0 && heap.push(i));
  const merged: R[] = [];
  while (heap.size > 0) {
    const i = heap.pop();
    merged.push(lists[i][next[i]++]);
    if (next[i] < lists[i].length) heap.push(i);
  }
  return merged;
}

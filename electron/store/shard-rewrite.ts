import type { Asset, ModelAnalysis } from '../../shared/model';
import type { FileRecord } from './library-store';
import { packAsset } from './packed-asset';
import type { ShardId, ShardKey } from './record-shards';
import type { ShardChange } from './shard-changes';
import { storedLine, type Line, type PlaceRecord, type ShardLines } from './shard-file';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** `"name":"` as bytes, per key name looked for (made once, not once per line). */
const MARKERS = new Map<string, Buffer>();
/** Pieces of text handed to the file at once. */
const PIECES_PER_CHUNK = 500;

/**
 * The next generation of a shard file from its last one and what changed since: the lines of
 * records that did not change are copied byte for byte, and only changed records are written
 * anew. Rewriting a shard used to parse every record in it and write each again (~8 MB of
 * JSON per shard at a million images, for a snapshot that changed a few records): the garbage
 * behind second-long stalls while ingesting. Gives the same records, in the same order, as
 * applyShardChange and withoutImpliedFiles would (tested against them).
 */
export function* rewrittenShard(
  file: string,
  header: { shard: ShardId; generation: number },
  old: Buffer,
  lines: ShardLines,
  change: ShardChange,
  place: PlaceRecord,
): Generator<Buffer> {
  const text = new ShardText(file, old, place);
  const oldAssets = new Map(lines.assets.map((line) => [stringAt(old, line, 'hash')!, line]));
  /** An image's asset after the change (its old line read only when asked for), or null. */
  const assetOf = (hash: string): { hash: string; locations: Asset['locations'] } | null => {
    if (change.assets.has(hash)) return change.assets.get(hash)!;
    const line = oldAssets.get(hash);
    return line ? (JSON.parse(old.toString('utf8', line.start, line.end)) as Asset) : null;
  };
  yield text.opening(header);
  yield* text.list(
    'assets',
    replaced(lines.assets, change.assets, (line) => stringAt(old, line, 'hash')!, packAsset),
  );
  const files = replaced(
    lines.files,
    change.files,
    (line) => stringAt(old, line, 'path')!,
    (file) => file,
  );
  yield* text.list(
    'files',
    files.filter((entry) => !impliedFile(entry, old, change, assetOf)),
  );
  const answers: Entry<ModelAnalysis>[] = lines.modelAnalyses
    .filter((line) => !change.modelAnalyses.has(stringAt(old, line, 'hash')!))
    .map((line) => ({ line }));
  for (const list of change.modelAnalyses.values()) for (const record of list) answers.push({ record });
  yield* text.list('modelAnalyses', answers);
  yield* text.list('reviewDecisions', [
    ...lines.reviewDecisions.map((line) => ({ line })),
    ...fresh(change.reviewDecisions),
  ]);
  yield* text.list(
    'labelCorrections',
    [...lines.labelCorrections.map((line) => ({ line })), ...fresh(change.labelCorrections)],
    true,
  );
}

/** A record in the new file: an old line copied, or a record written anew. */
type Entry<R> = { line: Line; record?: undefined } | { line?: undefined; record: R };

const fresh = <R>(records: readonly R[]): Entry<R>[] => records.map((record) => ({ record }));

/** The old lines with changed keys replaced in place (or dropped), then the new keys: as replaceByKey orders them. */
function replaced<R, S>(
  lines: readonly Line[],
  replacements: ReadonlyMap<string, R | null>,
  keyOf: (line: Line) => string,
  toStored: (record: R) => S,
): Entry<S>[] {
  const placed = new Set<string>();
  const entries: Entry<S>[] = [];
  for (const line of lines) {
    const key = keyOf(line);
    const replacement = replacements.get(key);
    if (replacement === undefined) entries.push({ line });
    else if (replacement !== null && !placed.has(key)) entries.push({ record: toStored(replacement) });
    placed.add(key);
  }
  for (const [key, replacement] of replacements) {
    if (replacement !== null && !placed.has(key)) entries.push({ record: toStored(replacement) });
  }
  return entries;
}

/**
 * Whether the file record only repeats its image's location (then it is not written, see
 * withoutImpliedFiles). An old line was not implied by the image as it was: it is looked at
 * again only when that image changed.
 */
function impliedFile(
  entry: Entry<FileRecord>,
  old: Buffer,
  change: ShardChange,
  assetOf: (hash: string) => { hash: string; locations: Asset['locations'] } | null,
): boolean {
  if (entry.line && !change.assets.has(stringAt(old, entry.line, 'hash')!)) return false;
  const file = entry.record ?? (JSON.parse(old.toString('utf8', entry.line!.start, entry.line!.end)) as FileRecord);
  if (file.error !== null || file.hash === null) return false;
  const asset = assetOf(file.hash);
  return (
    asset !== null &&
    asset.locations.some((l) => l.path === file.path && l.fileSize === file.fileSize && l.mtimeMs === file.mtimeMs)
  );
}

/** The new file's text as it is laid out, telling each record's place as shardFileChunks does. */
class ShardText {
  private bytes = 0;

  constructor(
    private readonly file: string,
    private readonly old: Buffer,
    private readonly place: PlaceRecord,
  ) {}

  opening(header: { shard: ShardId; generation: number }): Buffer {
    return Buffer.from(this.text(`{"shard":${JSON.stringify(header.shard)},"generation":${header.generation},\n`));
  }

  *list<R>(key: ShardKey, entries: readonly Entry<R>[], last = false): Generator<Buffer> {
    let pieces: (string | Buffer)[] = [this.text(`${JSON.stringify(key)}:[\n`)];
    for (let i = 0; i < entries.length; i++) {
      const { line, record } = entries[i];
      const start = this.bytes;
      pieces.push(line ? this.copy(line) : this.text(storedLine(key, record)));
      this.place(key, record ?? this.keyOf(key, line!), { file: this.file, start, end: this.bytes });
      pieces.push(this.text(i < entries.length - 1 ? ',\n' : '\n'));
      if (pieces.length >= PIECES_PER_CHUNK) {
        yield joined(pieces);
        pieces = [];
      }
    }
    pieces.push(this.text(last ? ']}\n' : '],\n'));
    yield joined(pieces);
  }

  /** What a snapshot reports of a copied record: its keys, not the record. */
  private keyOf(key: ShardKey, line: Line): object {
    const hash = stringAt(this.old, line, 'hash');
    if (key !== 'modelAnalyses') return { hash };
    const field = (name: string) => stringAt(this.old, line, name);
    // A packed answer leaves the requested model out when it is the model that answered (packed-answer.ts).
    return {
      hash,
      requestedModelId: field('requestedModelId') ?? field('modelId'),
      promptVersion: field('promptVersion'),
    };
  }

  private text(value: string): string {
    this.bytes += Buffer.byteLength(value);
    return value;
  }

  private copy(line: Line): Buffer {
    this.bytes += line.end - line.start;
    return this.old.subarray(line.start, line.end);
  }
}

const joined = (pieces: readonly (string | Buffer)[]) =>
  Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)));

/**
 * The string value of the first `"name":"…"` in a record's line. In JSON a quote inside a
 * string is escaped, so that sequence is always a key; records list their keys (hash, path,
 * model and prompt) before any nested value that could use the same name.
 */
function stringAt(bytes: Buffer, line: Line, name: string): string | null {
  let marker = MARKERS.get(name);
  if (!marker) MARKERS.set(name, (marker = Buffer.from(`"${name}":"`)));
  const at = bytes.indexOf(marker, line.start);
  if (at < 0 || at >= line.end) return null;
  let i = at + marker.length;
  while (i < line.end && bytes[i] !== QUOTE) i += bytes[i] === BACKSLASH ? 2 : 1;
  return JSON.parse(bytes.toString('utf8', at + marker.length - 1, i + 1)) as string;
}

import type { ModelAnalysis } from '../../shared/model';
import { packAnswer } from './packed-answer';
import type { RecordSpan } from './record-spans';
import { SHARD_KEYS, type ShardKey } from './record-shards';

const LINES_PER_CHUNK = 250;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const CLOSING_BRACKET = 0x5d;

/** Told where each record of a list went in the file. */
export type PlaceRecord = (key: string, record: unknown, span: RecordSpan) => void;

/**
 * A shard file's text: valid JSON with one record per line, so a person can diff it and the
 * store can find each record's bytes (see record-spans.ts). Each record's place is told as it is
 * laid out; the file is written in pieces of LINES_PER_CHUNK records.
 */
export function* shardFileChunks(file: string, shard: Record<string, unknown>, place: PlaceRecord): Generator<string> {
  const lists = Object.entries(shard).filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]));
  const scalars = Object.entries(shard).filter(([, value]) => !Array.isArray(value) && value !== undefined);
  let text = `{${scalars.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)},`).join('')}\n`;
  let bytes = Buffer.byteLength(text);
  for (const [index, [key, records]] of lists.entries()) {
    const header = `${JSON.stringify(key)}:[\n`;
    text += header;
    bytes += Buffer.byteLength(header);
    for (let i = 0; i < records.length; i++) {
      const line = storedLine(key, records[i]);
      const length = Buffer.byteLength(line);
      place(key, records[i], { file, start: bytes, end: bytes + length });
      const ending = i < records.length - 1 ? ',\n' : '\n';
      text += line + ending;
      bytes += length + ending.length;
      if ((i + 1) % LINES_PER_CHUNK === 0) {
        yield text;
        text = '';
      }
    }
    const close = index < lists.length - 1 ? '],\n' : ']}\n';
    text += close;
    bytes += close.length;
  }
  yield text;
}

/** A record's line as a shard file holds it (model answers packed, see packed-answer.ts). */
export function storedLine(key: string, record: unknown): string {
  return JSON.stringify(key === 'modelAnalyses' ? packAnswer(record as ModelAnalysis) : record);
}

/** One record's bytes in a shard file (its line without the comma and newline). */
export interface Line {
  start: number;
  end: number;
}

/** Each list's record lines, as shardFileChunks lays a file out. */
export type ShardLines = Record<ShardKey, Line[]>;

/** Where each list's records are in `bytes` (a file as shardFileChunks lays it out); null for an older one-line file. */
export function shardLines(bytes: Buffer): ShardLines | null {
  const lines = {} as ShardLines;
  for (const key of SHARD_KEYS) {
    const header = Buffer.from(`\n${JSON.stringify(key)}:[\n`);
    const at = bytes.indexOf(header);
    if (at < 0) return null;
    const list: Line[] = [];
    for (let start = at + header.length; bytes[start] !== CLOSING_BRACKET;) {
      const newline = bytes.indexOf(NEWLINE, start);
      if (newline < 0) return null;
      list.push({ start, end: bytes[newline - 1] === COMMA ? newline - 1 : newline });
      start = newline + 1;
    }
    lines[key] = list;
  }
  return lines;
}

import type { RecordSpan } from './record-spans';

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
      const line = JSON.stringify(records[i]);
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

/**
 * Where each of the `count` records of list `key` is in `bytes` (a file as shardFileChunks lays
 * it out), or null for an older file written on one line.
 */
export function lineSpans(file: string, bytes: Buffer, key: string, count: number): RecordSpan[] | null {
  const header = `\n${JSON.stringify(key)}:[\n`;
  const at = bytes.indexOf(header);
  if (at < 0) return count === 0 ? [] : null;
  const spans: RecordSpan[] = [];
  let start = at + Buffer.byteLength(header);
  for (let i = 0; i < count; i++) {
    const newline = bytes.indexOf(NEWLINE, start);
    if (newline < 0) return null;
    spans.push({ file, start, end: bytes[newline - 1] === COMMA ? newline - 1 : newline });
    start = newline + 1;
  }
  // The list ends where its records do.
  return bytes[start] === CLOSING_BRACKET ? spans : null;
}

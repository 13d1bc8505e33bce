import { createReadStream } from 'node:fs';
import { CorruptLibraryError } from './errors';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/**
 * Reads a JSON object too large to be one JavaScript string (V8 stops near 512 MB: a
 * single-file library of ~130,000 images with model answers is past that). The text is
 * streamed and each item of a top-level list is parsed on its own; other top-level values
 * are parsed whole. Enough for library.json as schema 6 and older wrote it.
 */
export async function readLargeJsonObject(
  file: string,
  onBytesRead?: (bytes: number) => void,
): Promise<Record<string, unknown>> {
  const reader = new TopLevelReader(file);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 22 });
  for await (const chunk of stream) {
    reader.feed(chunk as string);
    onBytesRead?.(stream.bytesRead);
  }
  return reader.finish();
}

class TopLevelReader {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private done = false;
  /** Text of the current key, list item or value that began in an earlier chunk. */
  private carried = '';
  private key: string | null = null;
  private list: unknown[] | null = null;
  private readonly result: Record<string, unknown> = {};

  constructor(private readonly file: string) {}

  feed(chunk: string): void {
    let start = 0;
    const take = (end: number) => {
      const text = this.carried + chunk.slice(start, end);
      this.carried = '';
      start = end + 1;
      return text;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
      } else if (c === QUOTE) this.inString = true;
      else if (c === OPEN_OBJECT || c === OPEN_LIST) {
        this.depth++;
        if (this.depth === 1) take(i);
        else if (c === OPEN_LIST && this.opensTopLevelList(this.carried + chunk.slice(start, i))) {
          take(i);
          this.list = [];
        }
      } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
        if (this.depth === 2 && this.list && c === CLOSE_LIST) this.endList(take(i));
        else if (this.depth === 1) this.endObject(take(i));
        this.depth--;
      } else if (c === COLON && this.depth === 1 && this.key === null) this.key = this.parse(take(i)) as string;
      else if (c === COMMA && this.depth === 2 && this.list) this.addItem(take(i));
      else if (c === COMMA && this.depth === 1) this.endValue(take(i));
    }
    this.carried += chunk.slice(start);
  }

  finish(): Record<string, unknown> {
    if (!this.done) throw new CorruptLibraryError(this.file, 'not valid JSON: it ends early');
    return this.result;
  }

  /** A list right after a top-level key (nothing but blanks since the colon): parsed item by item. */
  private opensTopLevelList(since: string): boolean {
    return this.depth === 2 && this.key !== null && this.list === null && since.trim() === '';
  }

  private addItem(text: string): void {
    if (text.trim() !== '') this.list!.push(this.parse(text));
  }

  private endList(text: string): void {
    this.addItem(text);
    this.result[this.key!] = this.list;
    this.key = null;
    this.list = null;
  }

  private endValue(text: string): void {
    if (this.key !== null) this.result[this.key] = this.parse(text);
    this.key = null;
  }

  private endObject(text: string): void {
    this.endValue(text);
    this.done = true;
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new CorruptLibraryError(this.file, `not valid JSON: ${(error as Error).message}`);
    }
  }
}

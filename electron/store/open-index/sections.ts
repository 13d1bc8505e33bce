import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { basename, dirname, join } from 'node:path';

/** Typed arrays a section may hold, by the name the file gives their kind. */
const KINDS = {
  f64: Float64Array,
  f32: Float32Array,
  u32: Uint32Array,
  u16: Uint16Array,
  u8: Uint8Array,
} as const;
type Kind = keyof typeof KINDS;
export type Column = Float64Array | Float32Array | Uint32Array | Uint16Array | Uint8Array;

const MAGIC = 'SWATCHBOOK-OPEN-INDEX\n';
/** Every section starts on a multiple of 8 bytes, so a Float64Array can view it where it lies. */
const ALIGN = 8;
/** Sections start after the magic line; the file ends with the header and where it starts (a float64). */
const BODY = 24;
const TRAILER = 8;
/** Bytes of strings decoded at once (see SectionReader.strings). */
const STRING_CHUNK = 4 * 2 ** 20;

interface SectionEntry {
  name: string;
  /** A typed array, a list of strings (UTF-8 bytes and their offsets), or JSON. */
  kind: Kind | 'strings' | 'json';
  offset: number;
  bytes: number;
  /** Strings: how many; the offsets (count + 1 of them, u32) come first, then the bytes. */
  count?: number;
}

/** What a written file's header carries besides its sections' places. */
export type SectionsHeader = Record<string, unknown>;

/**
 * Named sections of one binary file: typed columns copied as they are in memory, string lists as
 * UTF-8 with offsets, small things as JSON. Reading one back is a file read and a copy per column,
 * not a parse of every value (what makes opening a large library fast, see open-index.ts). Each
 * section goes to disk as it is given (the header, naming their places, comes last), so writing
 * holds one section's bytes at a time, not the whole file (~300 MB at 250,000 images).
 */
export class SectionWriter {
  private readonly temp: string;
  private readonly fd: number;
  private readonly entries: SectionEntry[] = [];
  /** Where the next section goes, from the start of the body. */
  private offset = 0;

  constructor(private readonly file: string) {
    this.temp = join(dirname(file), `.${basename(file)}.tmp`);
    this.fd = openSync(this.temp, 'w');
    writeSync(this.fd, Buffer.from(MAGIC), 0, MAGIC.length, 0);
  }

  column(name: string, values: Column): void {
    const kind = (Object.keys(KINDS) as Kind[]).find((k) => values instanceof KINDS[k])!;
    this.add({ name, kind }, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }

  strings(name: string, values: readonly string[]): void {
    let total = 0;
    for (const value of values) total += Buffer.byteLength(value);
    const offsetBytes = (values.length + 1) * 4;
    const data = Buffer.alloc(offsetBytes + total);
    const offsets = new Uint32Array(data.buffer, data.byteOffset, values.length + 1);
    let at = 0;
    values.forEach((value, i) => {
      offsets[i] = at;
      at += data.write(value, offsetBytes + at);
    });
    offsets[values.length] = at;
    this.add({ name, kind: 'strings', count: values.length }, data);
  }

  json(name: string, value: unknown): void {
    this.add({ name, kind: 'json' }, Buffer.from(JSON.stringify(value)));
  }

  /** The header, then synced and renamed: a reader finds the old file or the whole new one. */
  finish(header: SectionsHeader): void {
    try {
      const json = Buffer.from(JSON.stringify({ ...header, sections: this.entries }));
      const at = BODY + this.offset;
      const trailer = Buffer.alloc(TRAILER);
      trailer.writeDoubleLE(at);
      writeSync(this.fd, json, 0, json.length, at);
      writeSync(this.fd, trailer, 0, TRAILER, at + json.length);
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
    renameSync(this.temp, this.file);
  }

  /** Nothing is written after all (the file it would have replaced is left as it is). */
  abandon(): void {
    closeSync(this.fd);
    rmSync(this.temp, { force: true });
  }

  private add(entry: Omit<SectionEntry, 'offset' | 'bytes'>, data: Uint8Array): void {
    writeSync(this.fd, data, 0, data.length, BODY + this.offset);
    this.entries.push({ ...entry, offset: this.offset, bytes: data.length });
    this.offset = align(this.offset + data.length);
  }
}

/**
 * A file SectionWriter wrote; throws when it is not one (a reader then goes the slow way). Each
 * section is read straight into what it becomes: the file (~300 MB at 250,000 images) is never
 * in memory whole next to the library it holds.
 */
export class SectionReader {
  readonly header: SectionsHeader;
  private readonly fd: number;
  private readonly size: number;
  /** Where the header starts: no section reaches past it. */
  private readonly sectionsEnd: number;
  private readonly entries = new Map<string, SectionEntry>();

  constructor(file: string) {
    this.fd = openSync(file, 'r');
    try {
      this.size = fstatSync(this.fd).size;
      const magic = Buffer.alloc(MAGIC.length);
      readSync(this.fd, magic, 0, MAGIC.length, 0);
      if (this.size < BODY + TRAILER || magic.toString('latin1') !== MAGIC) throw new Error('not an open index');
      const trailer = Buffer.alloc(TRAILER);
      readSync(this.fd, trailer, 0, TRAILER, this.size - TRAILER);
      const at = trailer.readDoubleLE();
      if (!(at >= BODY && at <= this.size - TRAILER)) throw new Error('not an open index');
      const json = Buffer.alloc(this.size - TRAILER - at);
      readSync(this.fd, json, 0, json.length, at);
      const { sections, ...header } = JSON.parse(json.toString('utf8')) as { sections: SectionEntry[] };
      this.header = header;
      this.sectionsEnd = at;
      for (const entry of sections) this.entries.set(entry.name, entry);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Whether the file has a section of that name (of any kind). */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** How many values the column holds, without reading it. */
  columnLength(name: string, kind: Kind): number {
    return this.entry(name, kind).bytes / KINDS[kind].BYTES_PER_ELEMENT;
  }

  /** The column (`capacity`: room for at least this many values, the rest zero). */
  column<K extends Kind>(name: string, kind: K, capacity = 0): InstanceType<(typeof KINDS)[K]> {
    const entry = this.entry(name, kind);
    const Type = KINDS[kind] as unknown as {
      new (length: number): InstanceType<(typeof KINDS)[K]>;
      BYTES_PER_ELEMENT: number;
    };
    const column = new Type(Math.max(capacity, entry.bytes / Type.BYTES_PER_ELEMENT));
    this.readAt(new Uint8Array(column.buffer, 0, entry.bytes), BODY + entry.offset);
    return column;
  }

  /**
   * The strings, read a few megabytes at a time: each chunk is decoded once and its values are
   * slices of it (a quarter of a million separate copies made the open spend more time collecting
   * garbage than reading), and no buffer of the whole section (~70 MB of search words) is left
   * for the collector either.
   */
  strings(name: string): string[] {
    const entry = this.entry(name, 'strings');
    const count = entry.count!;
    const offsets = new Uint32Array(count + 1);
    this.readAt(new Uint8Array(offsets.buffer), BODY + entry.offset);
    const text = BODY + entry.offset + (count + 1) * 4;
    const values = new Array<string>(count);
    let chunk = Buffer.allocUnsafeSlow(STRING_CHUNK);
    for (let first = 0; first < count;) {
      let end = first + 1;
      while (end < count && offsets[end + 1] - offsets[first] <= STRING_CHUNK) end++;
      const length = offsets[end] - offsets[first];
      if (length > chunk.length) chunk = Buffer.allocUnsafeSlow(length);
      const bytes = this.readAt(chunk.subarray(0, length), text + offsets[first]);
      // ASCII (most paths and words): bytes are characters, so a value is a slice of one string.
      const all = isAscii(bytes) ? bytes.toString('latin1') : null;
      for (let i = first; i < end; i++) {
        const [from, to] = [offsets[i] - offsets[first], offsets[i + 1] - offsets[first]];
        values[i] = all === null ? bytes.toString('utf8', from, to) : all.slice(from, to);
      }
      first = end;
    }
    return values;
  }

  json<T>(name: string): T {
    const entry = this.entry(name, 'json');
    return JSON.parse(this.readAt(Buffer.allocUnsafeSlow(entry.bytes), BODY + entry.offset).toString('utf8')) as T;
  }

  /** Fills `target` from the file at `position`. */
  private readAt<B extends Uint8Array>(target: B, position: number): B {
    for (let done = 0; done < target.length;) {
      const read = readSync(this.fd, target, done, target.length - done, position + done);
      if (read === 0) throw new Error('the open index is cut short');
      done += read;
    }
    return target;
  }

  private entry(name: string, kind: SectionEntry['kind']): SectionEntry {
    const entry = this.entries.get(name);
    if (!entry || entry.kind !== kind) throw new Error(`the open index has no ${kind} section "${name}"`);
    if (BODY + entry.offset + entry.bytes > this.sectionsEnd) throw new Error(`section "${name}" is cut short`);
    return entry;
  }
}

const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

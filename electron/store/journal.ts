import { appendFileSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { CorruptLibraryError } from './errors';
import { OP_TYPES, type JournalEntry } from './library-ops';

const NEWLINE = 0x0a;

/**
 * Append-only log of mutations since the last snapshot, one JSON line each. Appending is
 * a single small synchronous write, so a recorded mutation survives `kill -9`.
 *
 * Rotation: while a snapshot is being written, new lines are also kept in `tail`; once the
 * snapshot is safely renamed into place, the journal is atomically replaced by that tail.
 *
 * A refused append (a full disk) may still have written part of its line: it is cut off at once, so the
 * next append, once there is room again, does not follow half a line. Appends go by path, not by a
 * kept descriptor, so a data folder deleted under us fails them instead of writing into nothing.
 */
export class Journal {
  private tail: string[] | null = null;
  /** Bytes of whole lines in the file. */
  private size: number;

  constructor(readonly file: string) {
    this.size = sizeOf(file);
  }

  /** Throws what the file system said when the line could not be written; the file keeps only whole lines. */
  append(entry: JournalEntry): void {
    const line = JSON.stringify(entry) + '\n';
    try {
      appendFileSync(this.file, line);
    } catch (error) {
      this.cutTornLine();
      throw error;
    }
    this.size += Buffer.byteLength(line);
    this.tail?.push(line);
  }

  get bytes(): number {
    return this.size;
  }

  private cutTornLine(): void {
    try {
      if (sizeOf(this.file) > this.size) truncateSync(this.file, this.size);
    } catch {
      // Gone or unreadable: a torn line left behind is cut off when the journal is next read.
    }
  }

  /** Call at the instant the snapshot's content is captured. */
  beginRotation(): void {
    this.tail = [];
  }

  /** The snapshot is on disk: keep only what came after it. */
  completeRotation(): void {
    const temp = `${this.file}.tmp`;
    const text = (this.tail ?? []).join('');
    try {
      writeFileSync(temp, text);
      renameSync(temp, this.file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    this.size = Buffer.byteLength(text);
    this.tail = null;
  }

  /** The snapshot failed: the journal still holds everything, so just stop collecting. */
  abortRotation(): void {
    this.tail = null;
  }
}

/** A file's size in bytes, 0 when it is not there. */
export function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Reads every complete journal line. An unterminated last line is a crash mid-append: it
 * is ignored and cut off (so the next append starts on a fresh line). A damaged line
 * before the end is not a torn write, so it is refused rather than guessed around.
 */
export function readJournal(file: string): JournalEntry[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const complete = bytes.lastIndexOf(NEWLINE) + 1;
  if (complete < bytes.length) truncateSync(file, complete);
  const lines = bytes.subarray(0, complete).toString('utf8').split('\n');
  lines.pop();
  return lines.map((line, i) => parseEntry(line, i + 1, file));
}

function parseEntry(line: string, lineNumber: number, file: string): JournalEntry {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    throw new CorruptLibraryError(file, `line ${lineNumber} is not valid JSON`);
  }
  const candidate = entry as Partial<JournalEntry> | null;
  if (typeof candidate?.seq !== 'number' || !OP_TYPES.has(String(candidate.op?.type))) {
    throw new CorruptLibraryError(file, `line ${lineNumber} is not a library change`);
  }
  return candidate as JournalEntry;
}

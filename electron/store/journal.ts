import { appendFileSync, readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { CorruptLibraryError } from './errors';
import { OP_TYPES, type JournalEntry } from './library-ops';

const NEWLINE = 0x0a;

/**
 * Append-only log of mutations since the last snapshot, one JSON line each. Appending is
 * a single small synchronous write, so a recorded mutation survives `kill -9`.
 *
 * Rotation: while a snapshot is being written, new lines are also kept in `tail`; once the
 * snapshot is safely renamed into place, the journal is atomically replaced by that tail.
 */
export class Journal {
  private tail: string[] | null = null;

  constructor(readonly file: string) {}

  append(entry: JournalEntry): void {
    const line = JSON.stringify(entry) + '\n';
    appendFileSync(this.file, line);
    this.tail?.push(line);
  }

  /** Call at the instant the snapshot's content is captured. */
  beginRotation(): void {
    this.tail = [];
  }

  /** The snapshot is on disk: keep only what came after it. */
  completeRotation(): void {
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, (this.tail ?? []).join(''));
    renameSync(temp, this.file);
    this.tail = null;
  }

  /** The snapshot failed: the journal still holds everything, so just stop collecting. */
  abortRotation(): void {
    this.tail = null;
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

import { closeSync, openSync, readSync } from 'node:fs';
import { RecordReadError } from './errors';

/** Where one record's JSON is in a shard file: that file, and the bytes of its line. */
export interface RecordSpan {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A record a snapshot wrote, and where. The store keeps only what search and queues need in
 * memory and reads a whole asset or model answer back from its place when asked for (one small
 * read), instead of holding every record of a 250,000-image library as objects. Records are
 * never changed in place, so the file's copy is the record.
 */
export interface WrittenRecord<R> {
  hash: string;
  /** The record as memory held it, when it was written from memory (null: as the file had it). */
  source: R | null;
  span: RecordSpan;
}

/** An answer a snapshot wrote, with the key it is cached under. */
export type WrittenAnswer<R> = WrittenRecord<R> & { requestedModelId: string; promptVersion: string };

/** The record again, from its file. Synchronous: store reads are (see LibraryStore). */
export function readSpan(span: RecordSpan): unknown {
  const bytes = Buffer.alloc(span.end - span.start);
  let record: unknown;
  try {
    const fd = openSync(span.file, 'r');
    try {
      readSync(fd, bytes, 0, bytes.length, span.start);
    } finally {
      closeSync(fd);
    }
    record = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new RecordReadError(span.file, `bytes ${span.start}–${span.end}: ${(error as Error).message}`);
  }
  if (typeof record !== 'object' || record === null) {
    throw new RecordReadError(span.file, `bytes ${span.start}–${span.end} do not hold a record`);
  }
  return record;
}

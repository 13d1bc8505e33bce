/**
 * library.index: what opening a library works out from its shard files (the search index's
 * columns, answer heads, file records, review and correction logs), saved when the library closes,
 * so the next open reads one file instead of parsing every record. It is derived and disposable:
 * written only when memory holds nothing the shard files do not, and used only when the head and
 * every shard file are exactly those it was written from; otherwise the library opens from its
 * records as before (and the index is written again at the next close).
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LabelCorrection } from '../../../shared/model';
import type { ReviewDecision } from '../../../shared/model/review';
import { SCHEMA_VERSION } from '../document';
import { LibraryState } from '../library-state';
import type { LibraryHead } from '../record-shards';
import { CONCEPT_VOCABULARY } from '../search/search-words';
import { readAnswers, readFiles, writeAnswers, writeFiles } from './record-codec';
import { HeldInMemory, readIndex, readIndexColumns, writeIndex, type IndexTables } from './index-codec';
import { SectionReader, SectionWriter } from './sections';
import { FacetDictionary } from '../facet-dictionary';

/**
 * Bumped whenever what the store works out from records (search words, concepts, facets,
 * columns) changes, so an index an older app wrote is rebuilt from the records, not trusted.
 */
const OPEN_INDEX_FORMAT = 4;
const FINGERPRINT = createHash('sha256').update(`${OPEN_INDEX_FORMAT}:${CONCEPT_VOCABULARY}`).digest('hex');

/** The library's records the index was written from: the head's seq and each shard file as it was. */
interface OpenIndexStamp {
  fingerprint: string;
  schemaVersion: number;
  seq: number;
  shards: Record<string, { size: number; mtimeMs: number }>;
}

/** The library as the index holds it, or null when there is none or it does not match the records. */
export function readOpenIndex(
  file: string,
  head: LibraryHead,
  recordsDir: string,
  shardFiles: readonly string[],
): LibraryState | null {
  if (!existsSync(file)) return null;
  let input: SectionReader;
  try {
    input = new SectionReader(file);
  } catch {
    return null;
  }
  try {
    if (!matches(input.header as unknown as OpenIndexStamp, head.seq, shardFiles)) return null;
    return LibraryState.restored(head, (state) => restore(input, state, recordsDir));
  } catch {
    // Damaged or cut short: it is only derived, so the library opens from its records instead.
    return null;
  } finally {
    input.close();
  }
}

function restore(input: SectionReader, state: LibraryState, recordsDir: string): void {
  readIndexColumns(input, state.index);
  const tables = {
    hashes: input.strings('hashes'),
    paths: input.strings('paths'),
    files: input.strings('shardFiles').map((name) => join(recordsDir, name)),
  };
  readFiles(input, tables, (file) => state.setFileRecord(file));
  readAnswers(input, tables, state.analysis);
  state.review.append(input.json<ReviewDecision[]>('reviewDecisions'));
  state.corrections.append(input.json<LabelCorrection[]>('labelCorrections'));
  readIndex(input, state.index, tables);
  for (const hash of state.corrections.correctedHashes()) {
    state.index.corrections.set(hash, state.corrections.standing(hash));
  }
}

/**
 * Writes the index of `state` as of the head at `seq` naming `shardFiles`. Returns false, writing
 * nothing, when memory holds a record no shard file does yet (then the library must be read from
 * its records next time: any index there is removed).
 */
export function writeOpenIndex(file: string, state: LibraryState, seq: number, shardFiles: readonly string[]): boolean {
  if (state.seq !== seq || state.changes.size > 0) {
    rmSync(file, { force: true });
    return false;
  }
  const out = new SectionWriter(file);
  try {
    const tables: IndexTables = {
      hashes: new FacetDictionary(),
      paths: new FacetDictionary(),
      files: new FacetDictionary(),
    };
    writeFiles(out, state.files.values(), tables);
    writeAnswers(out, state.analysis.entries(), tables);
    out.json('reviewDecisions', state.review.decisions);
    out.json('labelCorrections', state.corrections.corrections);
    writeIndex(out, state.index, tables);
    out.strings('hashes', tables.hashes.values);
    out.strings('paths', tables.paths.values);
    out.strings(
      'shardFiles',
      tables.files.values.map((path) => basename(path)),
    );
    out.finish({ ...stampOf(seq, shardFiles) });
    return true;
  } catch (error) {
    out.abandon();
    rmSync(file, { force: true });
    if (error instanceof HeldInMemory) return false;
    throw error;
  }
}

function stampOf(seq: number, shardFiles: readonly string[]): OpenIndexStamp {
  const shards = Object.fromEntries(
    shardFiles.map((path) => {
      const { size, mtimeMs } = statSync(path);
      return [basename(path), { size, mtimeMs }];
    }),
  );
  return { fingerprint: FINGERPRINT, schemaVersion: SCHEMA_VERSION, seq, shards };
}

/** Same app format, same head, and every shard file the very one it was written from (size and time). */
function matches(stamp: OpenIndexStamp, seq: number, shardFiles: readonly string[]): boolean {
  if (stamp.fingerprint !== FINGERPRINT || stamp.schemaVersion !== SCHEMA_VERSION || stamp.seq !== seq) return false;
  const recorded = stamp.shards ?? {};
  if (Object.keys(recorded).length !== shardFiles.length) return false;
  return shardFiles.every((path) => {
    const was = recorded[basename(path)];
    const now = was && statSync(path, { throwIfNoEntry: false });
    return !!now && now.size === was.size && now.mtimeMs === was.mtimeMs;
  });
}

import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { emptyDocument, type LibraryDocument } from './document';
import { CorruptLibraryError } from './errors';
import { readJournal } from './journal';
import { LibraryState } from './library-state';
import type { StoreOpenProgress } from './library-store';
import { migrateDocument } from './migrations';
import { emptyShard, isLibraryHead } from './record-shards';
import { readOpenIndex } from './open-index/open-index';
import type { ShardedJsonFiles } from './sharded-json-files';

export interface LibraryFiles {
  snapshot: string;
  /** The folder of per-image record shards the snapshot names (see sharded-json-files.ts). */
  records: string;
  journal: string;
  /** What opening works out from the records, saved at close (see open-index/open-index.ts). */
  openIndex: string;
  /** Held by the process that has the library open (see process-lock.ts). */
  lock: string;
}

/** Where a library's files live in its data folder. */
export function libraryFilesIn(dataDir: string): LibraryFiles {
  return {
    snapshot: join(dataDir, 'library.json'),
    records: join(dataDir, 'records'),
    journal: join(dataDir, 'library.journal.jsonl'),
    openIndex: join(dataDir, 'library.index'),
    lock: join(dataDir, 'library.lock'),
  };
}

export interface LoadedLibrary {
  state: LibraryState;
  /** True when memory is ahead of library.json (journal replayed or document migrated). */
  needsSnapshot: boolean;
  /** The document was brought up from an older schema (a backup of the old file is beside it). */
  migrated: boolean;
  /** The unreadable library was set aside and an empty one started. */
  recovered: boolean;
  /** Read from its open index, not its records (which the index matched). */
  fromOpenIndex: boolean;
}

/**
 * Snapshot, then migrations, then the journal entries the snapshot does not include.
 * Nothing on disk is changed before the document is known to be readable and not newer
 * than this app, except for cutting a torn last journal line.
 */
export async function loadLibrary(
  low: Low<LibraryDocument>,
  sharded: ShardedJsonFiles | null,
  files: LibraryFiles,
  recoverCorrupt: boolean,
  onProgress?: (progress: StoreOpenProgress) => void,
): Promise<LoadedLibrary> {
  let state: LibraryState;
  let migratedFrom: number | null;
  let fromOpenIndex: boolean;
  try {
    ({ state, migratedFrom, fromOpenIndex } = await readState(low, sharded, files, onProgress));
  } catch (error) {
    if (!(error instanceof CorruptLibraryError) || !recoverCorrupt) throw error;
    setAside(files.snapshot);
    setAside(files.records);
    setAside(files.journal);
    const state = await LibraryState.loadDocument(emptyDocument());
    return { state, needsSnapshot: true, migrated: false, recovered: true, fromOpenIndex: false };
  }
  const replayed = replayJournal(state, files.journal, recoverCorrupt);
  return {
    state,
    needsSnapshot: replayed > 0 || migratedFrom !== null,
    migrated: migratedFrom !== null,
    recovered: false,
    fromOpenIndex,
  };
}

/**
 * A library in the current layout is built shard by shard, never whole in memory; an older one,
 * or one behind another adapter, is read as one document and migrated (its old file backed up).
 */
async function readState(
  low: Low<LibraryDocument>,
  sharded: ShardedJsonFiles | null,
  files: LibraryFiles,
  onProgress?: (progress: StoreOpenProgress) => void,
): Promise<{ state: LibraryState; migratedFrom: number | null; fromOpenIndex: boolean }> {
  const raw = sharded ? await sharded.readHead() : await readSnapshot(low, files.snapshot);
  if (raw === null && existsSync(files.snapshot)) {
    throw new CorruptLibraryError(files.snapshot, 'it does not hold a library document');
  }
  if (sharded && isLibraryHead(raw)) {
    // Checked as a document with no records: a newer or damaged head is refused before any shard is read.
    migrateDocument({ ...raw, ...emptyShard(), files: raw.files }, files.snapshot);
    const indexed = readOpenIndex(files.openIndex, raw, files.records, sharded.currentFiles());
    const state = indexed ?? (await LibraryState.loadShards(raw, sharded.shards(raw)));
    return { state, migratedFrom: null, fromOpenIndex: indexed !== null };
  }
  const { doc, migratedFrom } = migrateDocument(raw ?? emptyDocument(), files.snapshot);
  if (migratedFrom !== null && existsSync(files.snapshot)) {
    copyFileSync(files.snapshot, `${files.snapshot}.v${migratedFrom}.bak`);
  }
  return { state: await LibraryState.loadDocument(doc, onProgress), migratedFrom, fromOpenIndex: false };
}

async function readSnapshot(low: Low<LibraryDocument>, file: string): Promise<unknown> {
  // lowdb keeps the old data when the file is absent or holds a falsy value, so start from null.
  low.data = null as unknown as LibraryDocument;
  try {
    await low.read();
  } catch (error) {
    if (error instanceof SyntaxError) throw new CorruptLibraryError(file, `not valid JSON: ${error.message}`);
    throw error;
  }
  if (low.data !== null) return low.data;
  if (existsSync(file)) throw new CorruptLibraryError(file, 'it does not hold a library document');
  return emptyDocument();
}

/** Returns how many entries were applied. A damaged journal is set aside only on request. */
function replayJournal(state: LibraryState, file: string, recoverCorrupt: boolean): number {
  let entries;
  try {
    entries = readJournal(file);
  } catch (error) {
    if (!(error instanceof CorruptLibraryError) || !recoverCorrupt) throw error;
    setAside(file);
    return 0;
  }
  let applied = 0;
  for (const entry of entries) {
    // Entries up to the snapshot's seq are already in it (crash between snapshot and rotation).
    if (entry.seq <= state.seq) continue;
    state.apply(entry.op);
    state.seq = entry.seq;
    applied++;
  }
  return applied;
}

function setAside(file: string): void {
  if (existsSync(file)) renameSync(file, `${file}.corrupt-${Date.now()}`);
}

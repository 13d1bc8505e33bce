import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Asset, AssetLocation } from '../../shared/model';
import { ANALYZER_VERSION, ImageRejectedError, processImage } from '../imaging';
import { StorageUnavailableError } from '../../shared/errors';
import { errnoOf, isTransientReadError, type LibraryStore } from '../store';
import { containedRealPath } from './containment';
import { describeFsError } from './folder-scanner';

export interface IngestContext {
  store: LibraryStore;
  cacheDir: string;
  pixelLimit?: number;
  /** Real paths of the library folders (see containment.ts). */
  roots(): Promise<readonly string[]>;
  /** In a team library: who reads which file, so each is ingested once for the team. */
  claims?: IngestClaims;
  /**
   * Whether the library folder holding the file can be reached (it goes offline when not): a read that
   * failed because the whole folder went away (a drive unplugged, a share dropped) is not the file's failure.
   */
  folderReachable?(filePath: string): Promise<boolean>;
}

/** Claims on files shared with other machines (a team library's shared folders). */
export interface IngestClaims {
  /** Whether this machine reads the file now, or another machine has it (its result arrives as a change). */
  claim(file: AssetLocation): Promise<{ kind: 'mine' } | { kind: 'elsewhere'; by: string }>;
  /** This machine recorded the file (true) or failed to (false: others may try). Never rejects. */
  settle(path: string, recorded: boolean): Promise<void>;
}

export type IngestOutcome =
  | { kind: 'unchanged'; hash: string | null }
  | { kind: 'new'; hash: string }
  | { kind: 'known'; hash: string }
  | { kind: 'failed'; reason: string }
  /** A link (or a file swapped for one) that leads outside the library: not read, not an error. */
  | { kind: 'outside' }
  /** Another member's machine is reading it for the team: its record arrives from there. */
  | { kind: 'elsewhere'; by: string }
  /** Its library folder cannot be reached (offline): not read now, nothing recorded; read when it is back. */
  | { kind: 'offline' };

/**
 * Ingests one file: hash, skip if already known, otherwise decode + analyse and record.
 * A file whose record already matches its size and mtime is not processed again, which
 * is what makes a resumed queue safe after a crash. The watcher reports links without
 * following them, so containment is checked here, and the bytes read are the real file's.
 */
export async function ingestFile(filePath: string, context: IngestContext): Promise<IngestOutcome> {
  const { store } = context;
  let location: AssetLocation;
  let bytes: Buffer;
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    const real = await containedRealPath(await context.roots(), filePath);
    if (!real) return { kind: 'outside' };
    location = { path: filePath, fileSize: stat.size, mtimeMs: stat.mtimeMs };
    const previous = store.getFile(filePath);
    const same = previous && previous.fileSize === stat.size && previous.mtimeMs === stat.mtimeMs;
    if (same && !needsReanalysis(store, previous.hash)) {
      return { kind: 'unchanged', hash: previous.hash };
    }
    const claim = await context.claims?.claim(location);
    if (claim?.kind === 'elsewhere') return claim;
    bytes = await fs.readFile(real).catch(async (error: unknown) => {
      await context.claims?.settle(filePath, false);
      throw error;
    });
  } catch (error) {
    // The share timed out, no file handles were left: nothing to hold against the file (the queue tries again).
    if (error instanceof StorageUnavailableError) throw error;
    if (context.folderReachable && !(await context.folderReachable(filePath))) return { kind: 'offline' };
    if (isTransientReadError(error)) throw error;
    return fail(context, filePath, describeFsError(error));
  }
  const outcome = await ingestBytes(bytes, location, context);
  await context.claims?.settle(filePath, outcome.kind !== 'failed');
  return outcome;
}

/** The bytes read: a known asset gains a location, new bytes are decoded, analysed and recorded. */
async function ingestBytes(bytes: Buffer, location: AssetLocation, context: IngestContext): Promise<IngestOutcome> {
  const { store } = context;
  const filePath = location.path;
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (store.findAssetByHash(hash) && !needsReanalysis(store, hash)) {
    store.addLocation(location, hash);
    return { kind: 'known', hash };
  }
  try {
    const processed = await processImage(bytes, { hash, cacheDir: context.cacheDir, pixelLimit: context.pixelLimit });
    const asset: Asset = {
      hash,
      ...processed,
      locations: [location],
      tags: [],
      status: 'unreviewed',
      addedAt: Date.now(),
    };
    store.recordAsset(location, asset);
    return { kind: 'new', hash };
  } catch (error) {
    if (error instanceof StorageUnavailableError) throw error;
    // The bytes are in memory, so a system error here is writing the thumbnails: the machine's fault, not the file's.
    if (errnoOf(error)) throw context.store.storage.refused(error, context.cacheDir);
    const reason =
      error instanceof ImageRejectedError ? error.message : `could not process image: ${(error as Error).message}`;
    return fail(context, filePath, reason, location);
  }
}

/**
 * An asset the local analyzer of an older version described is analysed again (its tags,
 * review status and people's label corrections are kept: corrections live apart from it).
 */
export function needsReanalysis(store: LibraryStore, hash: string | null): boolean {
  if (!hash) return false;
  const asset = store.getAsset(hash);
  return asset !== undefined && asset.analysis.version !== ANALYZER_VERSION;
}

function fail(context: IngestContext, filePath: string, reason: string, location?: AssetLocation): IngestOutcome {
  context.store.recordError(filePath, reason, location?.fileSize, location?.mtimeMs);
  return { kind: 'failed', reason };
}

import fs from 'node:fs/promises';
import { StorageUnavailableError } from '../../shared/errors';
import type { LibraryFolder } from '../../shared/model';
import type { LibraryStore } from '../store';
import { isInside } from './containment';
import { LibraryFolderError } from './folder-rules';

/*
 * A library folder on a drive or share that drops looks, to a program, like every file deleted at once:
 * ENOENT or EIO for each, or a mount point left empty. Files are dropped from the library only when their
 * folder can be read and really lost them; otherwise the folder is offline until it is back.
 */

/** How often offline folders are looked for. */
export const RETURN_CHECK_MS = 5000;
/** After a file vanishes, its library folder is looked at this much later: well before a removal is applied. */
const VANISH_CHECK_MS = 300;

export type Reach = { reachable: true } | { reachable: false; reason: string };

const REACHABLE: Reach = { reachable: true };

/** What reading a library folder's own entries showed. */
export interface FolderSight {
  /** The code reading it failed with (ENOENT, EIO, EACCES…), or null when it was read. */
  code: string | null;
  /** Whether it has no entries at all. */
  empty: boolean;
  /** Whether the library holds files under it. */
  holdsFiles: boolean;
}

/** What one walk of a whole library folder found. */
export interface WalkSight {
  /** Files read. */
  files: number;
  /** The codes of the entries that could not be read (undefined: none given, e.g. a link loop). */
  errors: readonly (string | undefined)[];
  holdsFiles: boolean;
}

/** Codes a drive or share that went away answers with for each of its files. */
export function isLostCode(code: string | undefined): boolean {
  return code === 'ENOENT' || code === 'EIO';
}

/** An unreadable folder is offline, and so is an empty one the library holds files under (an empty mount point). */
export function judgeFolder(sight: FolderSight): Reach {
  if (sight.code !== null) return { reachable: false, reason: unreadableReason(sight.code) };
  if (sight.empty && sight.holdsFiles) {
    return { reachable: false, reason: 'the folder is empty (a drive or share not mounted?)' };
  }
  return REACHABLE;
}

/** A walk where nothing could be read, every entry failing as a dropped drive does, found the folder offline. */
export function judgeWalk(sight: WalkSight): Reach {
  const { files, errors, holdsFiles } = sight;
  if (files > 0 || errors.length === 0 || !holdsFiles || !errors.every(isLostCode)) return REACHABLE;
  const codes = [...new Set(errors)].join(', ');
  return { reachable: false, reason: `no file could be read (${codes}: a drive or share that went away?)` };
}

/** Reads whether a library folder has any entry and judges it; `holdsFiles` is asked only when that matters. */
export async function lookAtFolder(folder: string, holdsFiles: () => boolean): Promise<Reach> {
  let empty: boolean;
  try {
    // One entry is enough: a folder of 100,000 files is looked at as cheaply as an empty one.
    const dir = await fs.opendir(folder);
    try {
      empty = (await dir.read()) === null;
    } finally {
      await dir.close().catch(() => undefined);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return judgeFolder({ code, empty: false, holdsFiles: false });
  }
  return judgeFolder({ code: null, empty, holdsFiles: empty && holdsFiles() });
}

function unreadableReason(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'the folder is not there (ENOENT): moved, renamed, or its drive or share is not connected';
    case 'ENOTDIR':
      return 'the path is no longer a folder (ENOTDIR)';
    case 'EIO':
      return 'the drive or share does not answer (EIO: input/output error)';
    case 'EACCES':
    case 'EPERM':
      return `the folder cannot be read (${code}: permission denied)`;
    default:
      return `the folder cannot be read (${code})`;
  }
}

export interface OfflineFolderHooks {
  /** Lets go of a folder that went offline: no watching, no pending removals under it. */
  letGo(folder: string): void;
  /** Watches a folder that is back. */
  watchAgain(folder: string): void;
  /** Rescans a folder that can be reached again (the scan brings it back, see `reachable`). */
  rescan(folder: string): Promise<unknown>;
  changed(folder: LibraryFolder): void;
}

/**
 * Which library folders are offline (state `missing`, kept under that name in saved libraries): takes a
 * folder that cannot be reached offline with the time it went, looks for it every RETURN_CHECK_MS (one
 * round at a time: reads of a share that hangs must not pile up on the thread pool) and brings it back.
 */
export class OfflineFolders {
  /** Library folders to look at because files under them vanished, by path. */
  private readonly vanishChecks = new Map<string, NodeJS.Timeout>();
  private timer: NodeJS.Timeout | null = null;
  private looking = false;
  private closed = false;

  constructor(
    private readonly store: LibraryStore,
    private readonly hooks: OfflineFolderHooks,
    private readonly everyMs = RETURN_CHECK_MS,
  ) {}

  /** The innermost library folder that is `filePath` or holds it. */
  folderHolding(filePath: string): LibraryFolder | undefined {
    const holding = this.store.listFolders().filter((f) => f.path === filePath || isInside(f.path, filePath));
    return holding.sort((a, b) => b.path.length - a.path.length)[0];
  }

  /** Looks at a library folder: false when it cannot be reached (it is now offline), else true (an offline one is back). */
  async reachable(folder: string): Promise<boolean> {
    const reach = await this.lookAt(folder);
    if (!reach.reachable) return this.goneOffline(folder, reach.reason);
    this.back(folder);
    return true;
  }

  /** After a walk of `walked` (`folder` or a folder in it): false when it showed the folder offline. */
  async reachableAfterWalk(folder: string, walked: string, sight: Omit<WalkSight, 'holdsFiles'>): Promise<boolean> {
    if (walked === folder) {
      const judged = judgeWalk({ ...sight, holdsFiles: sight.files === 0 && this.holdsFiles(folder) });
      if (!judged.reachable) return this.goneOffline(folder, judged.reason);
    }
    return !sight.errors.some(isLostCode) || this.reachable(folder);
  }

  /**
   * A library folder that drops (deleted, moved, a drive or share unmounted) is reported by the watcher as
   * its files' removals, and only sometimes as the folder's own: shortly after the first removal the folder
   * is looked at, before the rename tracker applies any removal (VANISH_CHECK_MS), and goes offline if need be.
   */
  fileVanished(filePath: string): void {
    const folder = this.folderHolding(filePath);
    if (!folder || folder.state === 'missing' || this.vanishChecks.has(folder.path)) return;
    const timer = setTimeout(async () => {
      const reach = await this.lookAt(folder.path);
      this.vanishChecks.delete(folder.path);
      // While the library cannot be written the folder is not marked; the next removal or scan looks again.
      if (!reach.reachable) this.goneOffline(folder.path, `disappeared while watched: ${reach.reason}`, true);
    }, VANISH_CHECK_MS);
    timer.unref();
    this.vanishChecks.set(folder.path, timer);
  }

  /**
   * Takes a folder offline (`seen`: what showed it); its assets stay. Returns false, for `reachable`.
   * `quietly`: from a timer, where a refused write (a full disk) must not become an unhandled rejection.
   */
  goneOffline(root: string, seen: string, quietly = false): false {
    if (this.closed) return false;
    const folder = this.store.listFolders().find((f) => f.path === root);
    if (folder && folder.state !== 'missing') {
      const reason = `${seen}; its assets are kept until it is back`;
      const since = Date.now();
      try {
        this.store.setFolderState(root, 'missing', reason, since);
        // Listed with the failing files too, as before the folder state was shown.
        this.store.recordError(root, reason);
      } catch (error) {
        if (!quietly || !(error instanceof StorageUnavailableError)) throw error;
        return false;
      }
      this.hooks.changed({ ...folder, state: 'missing', error: reason, since });
    }
    this.hooks.letGo(root);
    this.lookForReturns();
    return false;
  }

  /** Looks for offline folders until none is left (at open, and whenever one goes offline). */
  lookForReturns(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.round(), this.everyMs);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const timer of this.vanishChecks.values()) clearTimeout(timer);
    this.vanishChecks.clear();
  }

  private back(root: string): void {
    const folder = this.store.listFolders().find((f) => f.path === root);
    if (folder?.state !== 'missing' || this.closed) return;
    this.store.setFolderState(root, 'ok', null, null);
    // The note goneOffline left with the failing files goes with it.
    if (this.store.getFile(root)?.error) this.store.removeFile(root);
    this.hooks.watchAgain(root);
    this.hooks.changed({ ...folder, state: 'ok', error: null, since: null });
  }

  private lookAt(folder: string): Promise<Reach> {
    return lookAtFolder(folder, () => this.holdsFiles(folder));
  }

  /** Whether the library holds files under a folder (its own error record, see goneOffline, is not one). */
  private holdsFiles(folder: string): boolean {
    return this.store.listFiles(folder).some((f) => f.path !== folder);
  }

  private offline(): string[] {
    return this.store.listFolders().flatMap((f) => (f.state === 'missing' ? [f.path] : []));
  }

  private async round(): Promise<void> {
    if (this.looking) return;
    this.looking = true;
    try {
      for (const folder of this.offline()) {
        if (this.closed) break;
        if (!(await this.lookAt(folder)).reachable) continue;
        await this.hooks.rescan(folder).catch((error: Error) => {
          // A folder the folder rules now refuse stays offline; it was told why when the library opened.
          if (!(error instanceof LibraryFolderError))
            this.store.recordError(folder, `could not rescan: ${error.message}`);
        });
      }
    } catch {
      // Nothing more to tell: an offline folder says why it is, and is looked at again next round.
    } finally {
      this.looking = false;
      if (this.timer && this.offline().length === 0) {
        clearInterval(this.timer);
        this.timer = null;
      }
    }
  }
}

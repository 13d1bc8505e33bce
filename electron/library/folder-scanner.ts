import fs from 'node:fs/promises';
import path from 'node:path';
import { containedRealPath, isInside, withinRoots } from './containment';
import { isIgnoredName, isImageFile } from './file-rules';
import { errnoOf } from '../store';

export type ScanEntry =
  | { kind: 'file'; path: string; fileSize: number; mtimeMs: number }
  /** `code`: the file system's (ENOENT, EIO…), when it gave one: a dropped drive or share is told by it. */
  | { kind: 'error'; path: string; reason: string; code?: string }
  /** A link whose target is outside every library folder: left out, and not an error. */
  | { kind: 'outside'; path: string };

export interface ScanBounds {
  /** Real paths of all library folders: a link may lead from one into another. */
  roots: readonly string[];
  /** Real paths of folders not walked into, though inside a library folder (the data folder). */
  skipped: readonly string[];
}

/** A user-facing reason for a filesystem error on one entry. */
export function describeFsError(error: unknown): string {
  switch (errnoOf(error)) {
    case 'ENOENT':
      return 'file disappeared before it could be read';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the file is not readable';
    case 'ELOOP':
      return 'symlink loop: the link never reaches a real file';
    case 'ENAMETOOLONG':
      return 'file name too long for this system';
    case 'EISDIR':
      return 'a folder, not a file';
    default:
      return `cannot read file: ${(error as Error)?.message ?? String(error)}`;
  }
}

/**
 * Walks a library folder recursively and yields every image file, or a per-entry error.
 * Symlinks are followed only while they stay inside the library (see containment.ts), and a
 * directory link back into a folder already walked (a loop) is reported once instead of
 * recursing forever.
 */
export async function* scanFolder(root: string, bounds: ScanBounds): AsyncGenerator<ScanEntry> {
  const realRoot = await fs.realpath(root).catch(() => root);
  // A root inside a skipped folder (the demo library, in the data folder) is walked all the same.
  const skipped = bounds.skipped.filter((folder) => folder !== realRoot && !isInside(folder, realRoot));
  yield* walk(root, { ...bounds, skipped }, new Set());
}

async function* walk(dir: string, bounds: ScanBounds, visited: Set<string>): AsyncGenerator<ScanEntry> {
  let real: string;
  let entries: import('node:fs').Dirent[];
  try {
    real = await fs.realpath(dir);
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield {
      kind: 'error',
      path: dir,
      reason: `cannot read folder: ${describeFsError(error)}`,
      code: errnoOf(error) ?? undefined,
    };
    return;
  }
  if (bounds.skipped.some((skipped) => skipped === real || isInside(skipped, real))) return;
  visited.add(real);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (isIgnoredName(entry.name)) continue;
    const entryPath = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(entryPath, bounds, visited);
    } else if (entry.isSymbolicLink()) {
      yield* followSymlink(entryPath, bounds, visited);
    } else if (entry.isFile() && isImageFile(entryPath)) {
      // Not a link, in a folder whose real path is inside the library: inside too.
      yield await statFile(entryPath);
    }
  }
}

async function* followSymlink(linkPath: string, bounds: ScanBounds, visited: Set<string>): AsyncGenerator<ScanEntry> {
  let target: import('node:fs').Stats;
  try {
    target = await fs.stat(linkPath);
  } catch (error) {
    if (isImageFile(linkPath) || (error as NodeJS.ErrnoException).code === 'ELOOP') {
      yield { kind: 'error', path: linkPath, reason: describeFsError(error), code: errnoOf(error) ?? undefined };
    }
    return;
  }
  if (target.isDirectory()) {
    const real = await fs.realpath(linkPath).catch(() => linkPath);
    if (!withinRoots(bounds.roots, real)) {
      yield { kind: 'outside', path: linkPath };
      return;
    }
    const linkDir = await fs.realpath(path.dirname(linkPath)).catch(() => path.dirname(linkPath));
    if (visited.has(real) || real === linkDir || isInside(real, linkDir)) {
      yield { kind: 'error', path: linkPath, reason: `symlink loop: links back to ${real}, not followed` };
      return;
    }
    yield* walk(linkPath, bounds, visited);
  } else if (target.isFile() && isImageFile(linkPath)) {
    const real = await containedRealPath(bounds.roots, linkPath);
    if (!real) yield { kind: 'outside', path: linkPath };
    else if (!bounds.skipped.some((skipped) => isInside(skipped, real))) {
      yield { kind: 'file', path: linkPath, fileSize: target.size, mtimeMs: target.mtimeMs };
    }
  }
}

async function statFile(filePath: string): Promise<ScanEntry> {
  try {
    const stat = await fs.stat(filePath);
    return { kind: 'file', path: filePath, fileSize: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return { kind: 'error', path: filePath, reason: describeFsError(error), code: errnoOf(error) ?? undefined };
  }
}

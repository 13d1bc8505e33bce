import fs from 'node:fs/promises';
import path from 'node:path';
import { isIgnoredName, isImageFile } from './file-rules';

export type ScanEntry =
  | { kind: 'file'; path: string; fileSize: number; mtimeMs: number }
  | { kind: 'error'; path: string; reason: string };

/** A user-facing reason for a filesystem error on one entry. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'file disappeared before it could be read';
    case 'EACCES':
    case 'EPERM': return 'permission denied: the file is not readable';
    case 'ELOOP': return 'symlink loop: the link never reaches a real file';
    case 'ENAMETOOLONG': return 'file name too long for this system';
    case 'EISDIR': return 'a folder, not a file';
    default: return `cannot read file: ${(error as Error)?.message ?? String(error)}`;
  }
}

/**
 * Walks a library folder recursively and yields every image file, or a per-entry error.
 * Directory symlinks are followed unless they lead back into a folder already walked
 * (a loop), which is reported once instead of recursing forever.
 */
export async function* scanFolder(root: string): AsyncGenerator<ScanEntry> {
  const visited = new Set<string>();
  yield* walk(root, visited);
}

async function* walk(dir: string, visited: Set<string>): AsyncGenerator<ScanEntry> {
  let real: string;
  let entries: import('node:fs').Dirent[];
  try {
    real = await fs.realpath(dir);
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { kind: 'error', path: dir, reason: `cannot read folder: ${describeFsError(error)}` };
    return;
  }
  visited.add(real);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (isIgnoredName(entry.name)) continue;
    const entryPath = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(entryPath, visited);
    } else if (entry.isSymbolicLink()) {
      yield* followSymlink(entryPath, visited);
    } else if (entry.isFile() && isImageFile(entryPath)) {
      yield await statFile(entryPath);
    }
  }
}

async function* followSymlink(linkPath: string, visited: Set<string>): AsyncGenerator<ScanEntry> {
  let target: import('node:fs').Stats;
  try {
    target = await fs.stat(linkPath);
  } catch (error) {
    if (isImageFile(linkPath) || (error as NodeJS.ErrnoException).code === 'ELOOP') {
      yield { kind: 'error', path: linkPath, reason: describeFsError(error) };
    }
    return;
  }
  if (target.isDirectory()) {
    const real = await fs.realpath(linkPath).catch(() => linkPath);
    const linkDir = await fs.realpath(path.dirname(linkPath)).catch(() => path.dirname(linkPath));
    if (visited.has(real) || isInside(linkDir, real)) {
      yield { kind: 'error', path: linkPath, reason: `symlink loop: links back to ${real}, not followed` };
      return;
    }
    yield* walk(linkPath, visited);
  } else if (target.isFile() && isImageFile(linkPath)) {
    yield { kind: 'file', path: linkPath, fileSize: target.size, mtimeMs: target.mtimeMs };
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function statFile(filePath: string): Promise<ScanEntry> {
  try {
    const stat = await fs.stat(filePath);
    return { kind: 'file', path: filePath, fileSize: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return { kind: 'error', path: filePath, reason: describeFsError(error) };
  }
}

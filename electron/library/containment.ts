import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The one containment rule: a file belongs to the library only if its real path (every link
 * followed) is inside the real path of a library folder. The scanner, the watcher's ingest and
 * the media server all ask it, so nothing is ingested (or sent to a cloud model) that would
 * not be served, and a link that leaves the library is neither.
 */

/** Real paths of the roots that exist (a missing library folder contains nothing). */
export async function realRoots(roots: readonly string[]): Promise<string[]> {
  const resolved = await Promise.all(roots.map((root) => fs.realpath(root).catch(() => null)));
  return resolved.filter((root): root is string => root !== null);
}

/** Whether a real path is a root itself or inside one (`roots` must be real paths too). */
export function withinRoots(roots: readonly string[], real: string): boolean {
  return roots.some((root) => root === real || isInside(root, real));
}

/**
 * The candidate's real path when it is a regular file strictly inside one of `roots` (which
 * must already be real paths), else null. Symlinks are followed first, so one that points
 * out of the library is refused.
 */
export async function containedRealPath(roots: readonly string[], candidate: string): Promise<string | null> {
  if (candidate.includes('\0') || !path.isAbsolute(candidate)) return null;
  try {
    const real = await fs.realpath(candidate);
    if (!withinRoots(roots, real)) return null;
    return (await fs.stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Strictly inside: not the root itself, not a sibling that shares its name as a prefix. */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

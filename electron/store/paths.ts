/**
 * Path helpers that accept both separators: a library made on Windows can be opened
 * elsewhere, and paths are stored exactly as the watcher reported them.
 */
import type { AssetLocation } from '../../shared/model';

/** True when `path` is `folder` itself or anything inside it (not a sibling sharing a prefix). */
export function isUnder(path: string, folder: string): boolean {
  if (folder === '') return false;
  if (path === folder) return true;
  if (!path.startsWith(folder)) return false;
  const last = folder[folder.length - 1];
  if (last === '/' || last === '\\') return true;
  const next = path[folder.length];
  return next === '/' || next === '\\';
}

export function baseName(path: string): string {
  return path.slice(lastSeparator(path) + 1);
}

/** The folder part of a path, '' for a bare name. */
export function folderOf(path: string): string {
  return path.slice(0, Math.max(0, lastSeparator(path)));
}

function lastSeparator(path: string): number {
  return Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
}

/** Replaces a location in place (the first one names the asset), else appends it. */
export function withLocation(locations: readonly AssetLocation[], location: AssetLocation): AssetLocation[] {
  const known = locations.some((l) => l.path === location.path);
  return known ? locations.map((l) => (l.path === location.path ? location : l)) : [...locations, location];
}

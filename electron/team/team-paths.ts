import path from 'node:path';
import type { LibraryOp } from '../store';

/**
 * How the team's log names a file: by the shared folder it is in and its path inside it, with `/`
 * between parts (`team:prints/2024/rose.tif`), so one share mounted at `\\nas\prints` on one machine
 * and `/Volumes/prints` on another is one folder.
 */
const PREFIX = 'team:';

/** A shared folder's name and where this machine finds it. */
export interface FolderMount {
  name: string;
  mount: string;
}

/** `local` as the team names it; a path in no shared folder is left as it is. */
export function toTeamPath(local: string, mounts: readonly FolderMount[], sep = path.sep): string {
  let best: FolderMount | null = null;
  for (const folder of mounts) {
    const inside =
      local === folder.mount || local.startsWith(folder.mount.endsWith(sep) ? folder.mount : folder.mount + sep);
    if (inside && (!best || folder.mount.length > best.mount.length)) best = folder;
  }
  if (!best) return local;
  const rest = local.slice(best.mount.length).split(sep).filter(Boolean);
  return [`${PREFIX}${best.name}`, ...rest].join('/');
}

/** The path on this machine for a team path; one for a folder this machine does not know is left as it is. */
export function toLocalPath(teamPath: string, mountOf: (name: string) => string | undefined, sep = path.sep): string {
  if (!teamPath.startsWith(PREFIX)) return teamPath;
  const [name, ...rest] = teamPath.slice(PREFIX.length).split('/');
  const mount = mountOf(name);
  if (mount === undefined) return teamPath;
  if (rest.length === 0) return mount;
  return (mount.endsWith(sep) ? mount : mount + sep) + rest.join(sep);
}

/** `op` with every path in it (files, folders, a saved search's folders) passed through `convert`. */
export function withPaths(op: LibraryOp, convert: (p: string) => string): LibraryOp {
  switch (op.type) {
    case 'removeFolder':
    case 'removeFile':
      return { ...op, path: convert(op.path) };
    case 'recordAsset':
      return {
        ...op,
        location: { ...op.location, path: convert(op.location.path) },
        asset: { ...op.asset, locations: op.asset.locations.map((l) => ({ ...l, path: convert(l.path) })) },
      };
    case 'addLocation':
      return { ...op, location: { ...op.location, path: convert(op.location.path) } };
    case 'saveSearch':
      return op.query.folders ? { ...op, query: { ...op.query, folders: op.query.folders.map(convert) } } : op;
    default:
      return op;
  }
}

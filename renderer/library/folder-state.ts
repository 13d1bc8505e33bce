import type { LibraryFolder } from '../../shared/model';

/**
 * How a library folder's state reads, or null when it is fine. Saved libraries call the state `missing`;
 * people read "offline since 14:32" (today) or "offline since 3 Dec 2026, 09:10": a drive or share that is
 * not there now, whose images are kept until it is back.
 */
export function folderStateLabel(folder: Pick<LibraryFolder, 'state' | 'since'>, now = Date.now()): string | null {
  if (folder.state !== 'missing') return null;
  // Folders that went offline before the time was kept.
  if (folder.since === null || folder.since === undefined) return 'offline';
  const at = new Date(folder.since);
  const today = at.toDateString() === new Date(now).toDateString();
  const when = today
    ? at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : at.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  return `offline since ${when}`;
}

/** The label of every library folder that is not fine, by path. */
export function folderStateLabels(folders: readonly LibraryFolder[], now = Date.now()): Map<string, string> {
  return new Map(
    folders.flatMap((folder) => {
      const label = folderStateLabel(folder, now);
      return label ? [[folder.path, label] as const] : [];
    }),
  );
}

import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { AiSettings } from '../../shared/model/ai';
import { libraryFilesIn, openLibraryStore } from '../store';
import { SharedFolders } from './shared-folders';

export const SHARED_FOLDERS_FILE = 'shared-folders.json';
export const ORIGIN_FILE = 'team-origin';

/**
 * When this machine now mounts a shared folder somewhere else than its copy's records say, the
 * copy is written anew from the team's log at the new paths (thumbnails, kept by content, stay).
 * Only with the server reachable: offline, the copy opens as it was and this waits. This machine's
 * AI settings are carried over; its queues are made again by the next scan. The copy gets a new
 * name in the log, so its own earlier changes are read back into it too. Returns the AI settings
 * to put back, or null when nothing was rewritten.
 */
export async function rewriteCopyIfDue(
  dir: string,
  online: boolean,
): Promise<{ aiSettings: AiSettings | null } | null> {
  const folders = new SharedFolders(path.join(dir, SHARED_FOLDERS_FILE));
  if (!online || !folders.rewriteDue()) return null;
  const store = await openLibraryStore(dir);
  const aiSettings = store.analysis.getAiSettings();
  await store.close();
  const files = libraryFilesIn(dir);
  for (const file of [files.snapshot, files.records, files.journal, files.openIndex, path.join(dir, ORIGIN_FILE)])
    await rm(file, { recursive: true, force: true });
  folders.forgetApplied();
  return { aiSettings };
}

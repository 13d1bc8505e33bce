import type { LibraryStore } from '../store';
import { SharedFolders } from './shared-folders';
import { TeamChangeLog } from './team-changes';
import type { TeamDatabase } from './team-database';
import type { CopyProgress } from './copy-to-team';

/** Changes read per round trip. */
const PAGE = 1_000;

export interface CopyFromTeamReport {
  changes: number;
  images: number;
  decisions: number;
}

/**
 * Replays a team library's whole log into `store` (a library of one's own, e.g. an offline copy),
 * the same way a member's copy replays it. Progress counts changes up to the newest one the log
 * held when the copy started; what others add meanwhile is copied too.
 */
export async function copyFromTeam(
  db: TeamDatabase,
  store: LibraryStore,
  onProgress: (progress: CopyProgress) => void = () => undefined,
): Promise<CopyFromTeamReport> {
  const log = new TeamChangeLog(db);
  const total = await log.count();
  const report = { changes: 0, images: 0, decisions: 0 };
  // Folders at the paths of the members who added them.
  const folders = new SharedFolders();
  for (let page = await log.after(store.teamSeq, PAGE); page.length > 0; page = await log.after(store.teamSeq, PAGE)) {
    const ops = page.map((change) => folders.toLocal(change.op));
    store.applyTeamChanges(page[page.length - 1].seq, ops);
    for (const op of ops) {
      if (op.type === 'recordAsset') report.images++;
      if (op.type === 'recordReviewDecisions') report.decisions += op.decisions.length;
    }
    report.changes += page.length;
    onProgress({ done: report.changes, total: Math.max(total, report.changes) });
  }
  await store.flush();
  return report;
}

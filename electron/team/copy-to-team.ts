import { createHash } from 'node:crypto';
import type { LibraryStore } from '../store';
import { countChanges, libraryAsChanges } from './library-as-changes';
import { SharedFolders } from './shared-folders';
import { TeamChangeLog, type TeamChange } from './team-changes';
import type { TeamDatabase } from './team-database';

/** Changes sent per transaction. */
const SEND_BATCH = 500;

export interface CopyProgress {
  done: number;
  total: number;
}

export interface CopyReport {
  /** Changes the team's log took; the rest it had already (an earlier copy of the same records). */
  taken: number;
  sent: number;
  images: number;
  decisions: number;
}

/**
 * Copies a library into a team library's log, as changes every member replays. Each change's id is
 * made from its content, so copying the same library again (after a dropped connection, say) adds
 * only what is new or changed since. Nothing is deleted from the team library.
 */
export async function copyToTeam(
  store: LibraryStore,
  db: TeamDatabase,
  author: string,
  onProgress: (progress: CopyProgress) => void = () => undefined,
): Promise<CopyReport> {
  const log = new TeamChangeLog(db);
  const total = countChanges(store);
  const report = { taken: 0, sent: 0, images: 0, decisions: 0 };
  let batch: TeamChange[] = [];
  const send = async () => {
    report.taken += await log.append(batch);
    report.sent += batch.length;
    batch = [];
    onProgress({ done: report.sent, total });
  };
  // Named by shared folder, as a member's changes are (see team-paths.ts).
  const folders = new SharedFolders();
  for (const local of libraryAsChanges(store)) {
    const op = folders.toTeam(local);
    if (op.type === 'recordAsset') report.images++;
    if (op.type === 'recordReviewDecisions') report.decisions += op.decisions.length;
    const body = JSON.stringify(op);
    batch.push({ id: contentId(body), origin: 'copy', author, madeAt: Date.now(), op });
    if (batch.length >= SEND_BATCH) await send();
  }
  if (batch.length > 0) await send();
  return report;
}

/** A UUID-shaped id from the change's content: the same record copied twice is one change. */
function contentId(body: string): string {
  const hex = createHash('sha256').update(`swatchbook-copy:${body}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

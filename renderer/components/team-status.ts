import type { TeamStatus } from '../../shared/model';

/** Local changes the server has not taken yet: "1 change waits", "3 changes wait". */
export function changesWaiting(pending: number): string {
  return `${pending.toLocaleString()} ${pending === 1 ? 'change waits' : 'changes wait'}`;
}

/** The connection in a word, as the status bar and Settings say it. */
export function connectionLabel(connection: TeamStatus['connection']): string {
  return connection === 'connecting' ? 'connecting…' : connection;
}

/** The status bar's line: "Team · online", "Team · offline — 3 changes wait". */
export function teamStatusLabel(status: TeamStatus): string {
  const waiting = status.pending > 0 ? ` — ${changesWaiting(status.pending)}` : '';
  return `Team · ${connectionLabel(status.connection)}${waiting}`;
}

/** Which status-badge colour a connection takes: offline is a warning, since work goes on from the local copy. */
export function connectionTone(connection: TeamStatus['connection']): 'ok' | 'warning' | null {
  if (connection === 'online') return 'ok';
  return connection === 'offline' ? 'warning' : null;
}

/** When the server last answered: the time today, else the date and time; null if never in this run. */
export function lastContactLabel(lastContactAt: number | null, now = Date.now()): string | null {
  if (lastContactAt === null) return null;
  const at = new Date(lastContactAt);
  return at.toDateString() === new Date(now).toDateString() ? at.toLocaleTimeString() : at.toLocaleString();
}

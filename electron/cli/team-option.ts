import { Option } from 'commander';
import type { Engine } from '../engine';
import { TEAM_DB_ENV } from '../team';

/** `--team-db <url>`, shared by the commands that open a library. */
export function teamDbOption(): Option {
  return new Option(
    '--team-db <url>',
    `open a team library on PostgreSQL (default: ${TEAM_DB_ENV}, else what Settings chose); ` +
      'its password comes from ~/.pgpass or PGPASSWORD',
  );
}

/** One line on stderr about the team library a run opened: where, and whether the server answered. */
export function teamOpenedLine(engine: Engine): string | null {
  const status = engine.team?.status;
  if (!status) return null;
  return status.connection === 'offline'
    ? `swatchbook: team library at ${status.server} is offline (${status.reason}): working on this machine's copy; ` +
        'changes are kept and sent when it is back'
    : `swatchbook: team library at ${status.server}`;
}

/** After a run's last change: said when some of this machine's changes could not be sent yet. */
export function teamUnsentLine(engine: Engine): string | null {
  const status = engine.team?.status;
  if (!status || status.pending === 0) return null;
  const why = status.reason ?? 'not sent';
  return (
    `swatchbook: ${status.pending} change(s) could not reach the team library yet (${why}); ` +
    'they are kept on this machine and sent by the next run that reaches the server'
  );
}

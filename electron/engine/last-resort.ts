/**
 * The last line of defence of a long-running process (the desktop shell, browser mode, a CLI run): an
 * error nothing else caught is written down and the process degrades or exits cleanly, never with a
 * stack trace for the user to decode. Either way the library is whole: every change recorded is in its
 * journal, written a whole line at a time, and a snapshot only ever replaces the old one by a rename.
 */
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { StorageUnavailableError } from '../../shared/errors';
import { writeFaultOf } from '../store';

/** EX_SOFTWARE: an internal error stopped the process. */
export const UNEXPECTED_EXIT_CODE = 70;

export interface LastResortOptions {
  /** How the process names itself in its one line (`swatchbook serve`). */
  name: string;
  /** The data folder, where `logs/last-resort.log` is kept (only while the folder exists: it is never made here). */
  dataDir: () => string | null;
  /** Process exit; the shell may close windows first. */
  exit?: (code: number) => void;
}

/** Installs the handlers once per process; a later call changes nothing. */
export function installLastResort(options: LastResortOptions): void {
  if (installed) return;
  installed = true;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  process.on('unhandledRejection', (reason) => lastResort(options, 'an unhandled rejection', reason, exit));
  process.on('uncaughtException', (error) => lastResort(options, 'an uncaught exception', error, exit));
}

let installed = false;

/**
 * A write the machine refused (a full disk, the data folder gone) that escaped its caller: the store has
 * already stopped writing and says so, so the process goes on reading. Anything else stops the process.
 */
export function lastResort(
  options: LastResortOptions,
  kind: string,
  error: unknown,
  exit: (code: number) => void,
): void {
  const log = record(options.dataDir(), kind, error);
  const where = log ? ` (details in ${log})` : '';
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof StorageUnavailableError || writeFaultOf(error)) {
    console.error(`${options.name}: a write was refused and is not retried: ${message}${where}`);
    return;
  }
  console.error(
    `${options.name}: stopped by ${kind}: ${message}${where}. The library is safe: every recorded change is in its journal.`,
  );
  exit(UNEXPECTED_EXIT_CODE);
}

/** Appends the error with its stack to the data folder's log; the log's path, or null when it could not be written. */
function record(dataDir: string | null, kind: string, error: unknown): string | null {
  if (!dataDir || !existsSync(dataDir)) return null;
  const logs = path.join(dataDir, 'logs');
  const file = path.join(logs, 'last-resort.log');
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  try {
    if (!existsSync(logs)) mkdirSync(logs, { mode: 0o700 });
    appendFileSync(file, `${new Date().toISOString()} ${kind} (pid ${process.pid}):\n${detail}\n\n`, { mode: 0o600 });
    return file;
  } catch {
    return null;
  }
}

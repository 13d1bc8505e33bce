import fs from 'node:fs';
import { LibraryStoreError } from './errors';

/** Another live process (the app, browser mode or a CLI run) has this library open. */
export class LibraryLockedError extends LibraryStoreError {
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(
      `The library in ${file.replace(/[/\\]library\.lock$/, '')} is already ` +
        `open in another Swatchbook process (pid ${pid}); close it first.`,
    );
  }
}

/**
 * One writer per data folder: two processes appending to one journal would corrupt it.
 * The lock file holds the owner's pid; a lock whose owner is no longer running (killed,
 * crashed) is taken over, so a `kill -9` never locks the user out.
 */
export function acquireProcessLock(file: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner))
        throw new LibraryLockedError(file, owner);
      fs.rmSync(file, { force: true });
    }
  }
  throw new LibraryStoreError(`could not lock ${file}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import type { StorageFault } from '../../shared/model/storage';

/** What a failed write to the library's own folder says about the machine (not about any one file). */
const WRITE_FAULTS: Record<string, StorageFault> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'unwritable',
  EACCES: 'unwritable',
  EPERM: 'unwritable',
  // The data folder (or the folder a record lives in) went away: deleted, moved, an unmounted drive.
  ENOENT: 'missing',
  ENOTDIR: 'missing',
  EIO: 'io',
  ENXIO: 'io',
  ESTALE: 'io',
  ETIMEDOUT: 'io',
  EHOSTDOWN: 'io',
  ENOTCONN: 'io',
};

/** Reading a file failed because of the machine at that moment: trying again later may work. */
const TRANSIENT_READ_CODES = new Set([
  'EIO',
  'EMFILE',
  'ENFILE',
  'EAGAIN',
  'EBUSY',
  'ENOMEM',
  'ETIMEDOUT',
  'ESTALE',
  'EHOSTDOWN',
  'ENOTCONN',
  'ECONNRESET',
]);

export function errnoOf(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** The storage fault behind a failed write to the library's folders, or null for any other error. */
export function writeFaultOf(error: unknown): StorageFault | null {
  const code = errnoOf(error);
  return code ? (WRITE_FAULTS[code] ?? null) : null;
}

/** A failed read of a library file that says nothing about the file itself (a share that timed out, no file handles left). */
export function isTransientReadError(error: unknown): boolean {
  const code = errnoOf(error);
  return code !== null && (TRANSIENT_READ_CODES.has(code) || WRITE_FAULTS[code] === 'disk-full');
}

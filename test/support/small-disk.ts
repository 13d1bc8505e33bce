/**
 * A real small disk for fault tests: a tmpfs mounted on a temp folder, filled to the brim with a ballast
 * file and emptied again, made read-only and writable again. Mounting needs root (CI runs as root);
 * where it is refused, `smallDiskRefusal` says why and the tests skip saying so.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  /** The mount point. */
  dir: string;
  /** Writes a ballast file until the disk is full, then gives back `leaveKb` of it. */
  fill(leaveKb?: number): void;
  /** Removes the ballast. */
  free(): void;
  remount(options: 'ro' | 'rw'): void;
  unmount(): void;
}

function mount(dir: string, sizeKb: number): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
}

/** Why a small disk cannot be made on this machine, or null when it can (checked once). */
export const smallDiskRefusal: string | null = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'swatchbook-disk-probe-'));
  try {
    mount(dir, 64);
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]}): needs root`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

if (smallDiskRefusal) console.warn(`disk fault tests skipped: ${smallDiskRefusal}`);

export function makeSmallDisk(sizeKb: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'swatchbook-disk-'));
  mount(dir, sizeKb);
  const ballast = join(dir, 'ballast');
  return {
    dir,
    fill(leaveKb = 0) {
      const fd = openSync(ballast, 'a');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      if (leaveKb > 0) truncateSync(ballast, Math.max(0, statSync(ballast).size - leaveKb * 1024));
    },
    free() {
      rmSync(ballast, { force: true });
    },
    remount(options) {
      execFileSync('mount', ['-o', `remount,${options}`, dir], { stdio: 'pipe' });
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

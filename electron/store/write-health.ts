import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageUnavailableError } from '../../shared/errors';
import { WRITABLE, type StorageFault, type StorageHealth } from '../../shared/model/storage';
import { errnoOf, writeFaultOf } from './storage-faults';

const RECHECK_MS = 5_000;
/** Room beyond the next snapshot before writing resumes, so it does not stop again at once. */
const MARGIN_BYTES = 1 << 20;
const PROBE_FILE = '.write-check';

export interface WriteHealthOptions {
  dataDir: string;
  /** The lock this process holds: while it is there with our pid, the folder is the library we opened. */
  lockFile: string;
  /** What the next snapshot may write (the head and the journal it folds in). */
  snapshotBytes(): number;
  recheckMs?: number;
  now?: () => number;
}

interface HealthEvents {
  changed: [StorageHealth];
}

/**
 * Whether the library's folder can be written, learnt from the writes themselves: a write refused by the
 * machine (full disk, read-only or vanished folder, a failing disk) puts the library in a fault; every few
 * seconds the fault is checked (free space, the folder and its lock, a probe write) and lifted once writing
 * works. While writable, the same timer notices the data folder disappearing when nothing writes.
 */
export class WriteHealth extends EventEmitter<HealthEvents> {
  private health: StorageHealth = WRITABLE;
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(private readonly options: WriteHealthOptions) {
    super();
    this.now = options.now ?? Date.now;
    this.timer = setInterval(() => this.check(), options.recheckMs ?? RECHECK_MS);
    this.timer.unref();
  }

  /** The data folder this library lives in. */
  get folder(): string {
    return this.options.dataDir;
  }

  get status(): StorageHealth {
    return this.health;
  }

  /** A write to `where` failed: the error to throw, a StorageUnavailableError when the machine is at fault. */
  refused(error: unknown, where: string, bytes = 0): unknown {
    const fault = writeFaultOf(error);
    if (!fault) return error;
    this.enter(fault, where, bytes, errnoOf(error));
    return new StorageUnavailableError(this.health.message!, this.health.problem!);
  }

  /**
   * Before a write: while in a fault, the fault is checked first, and the write refused unless it is over.
   * A small write that happens to fit (a journal line in the last block of a full disk) proves nothing,
   * and one into a data folder made anew would start a stray library there.
   */
  requireWritable(): void {
    if (this.health.writable) return;
    this.check();
    if (!this.health.writable) throw new StorageUnavailableError(this.health.message!, this.health.problem!);
  }

  /** Checks now rather than at the next tick (the periodic check calls this too). */
  check(): void {
    if (this.health.writable) {
      if (!this.holdsLock()) this.enter('missing', this.options.dataDir, 0, 'ENOENT');
      else this.noticeFullDisk();
      return;
    }
    const blocker = this.blocker();
    if (blocker === null) this.set(WRITABLE);
    else if (blocker.problem !== this.health.problem) this.set({ ...this.health, ...texts(blocker) });
  }

  close(): void {
    clearInterval(this.timer);
  }

  /**
   * A disk that filled up while nothing was written is said at once, not when the next snapshot fails
   * (which may be many seconds away, or never while the user only browses). The free space the system
   * reports is confirmed by writing as much as the snapshot may need, up to a megabyte: some network
   * and FUSE mounts report no free space at all and write fine, and root may write into reserved blocks.
   */
  private noticeFullDisk(): void {
    const { dataDir } = this.options;
    const snapshotBytes = this.options.snapshotBytes();
    const free = freeSpace(dataDir);
    if (free === null || free >= snapshotBytes) return;
    const refusal = this.probeWrite(Buffer.alloc(Math.min(snapshotBytes, MARGIN_BYTES)));
    const fault = refusal === null ? null : writeFaultOf(refusal);
    if (fault) this.enter(fault, dataDir, 0, errnoOf(refusal));
  }

  /** Writes `bytes` to a probe file in the data folder and removes it: the error when refused, else null. */
  private probeWrite(bytes: Buffer | string): unknown {
    const probe = join(this.options.dataDir, PROBE_FILE);
    try {
      writeFileSync(probe, bytes);
      return null;
    } catch (error) {
      return error;
    } finally {
      rmSync(probe, { force: true });
    }
  }

  private enter(fault: StorageFault, where: string, bytes: number, code: string | null): void {
    const neededBytes = fault === 'disk-full' ? bytes + this.options.snapshotBytes() + MARGIN_BYTES : null;
    const freeBytes = freeSpace(where);
    const since = this.health.since ?? this.now();
    const text = faultText(fault, this.options.dataDir, neededBytes, freeBytes, code);
    this.set({ writable: false, fault, ...texts(text), since, neededBytes, freeBytes });
  }

  /** Why writing cannot resume yet, or null when a probe write went through. */
  private blocker(): FaultText | null {
    const { dataDir } = this.options;
    if (!existsSync(dataDir)) return faultText('missing', dataDir, null, null, 'ENOENT');
    if (!this.holdsLock())
      return {
        problem: `Your library's folder ${dataDir} came back without this library's files in it.`,
        meanwhile: 'Swatchbook writes nothing there; restart it to open what the folder holds now.',
      };
    const free = freeSpace(dataDir);
    const { neededBytes } = this.health;
    if (this.health.fault === 'disk-full' && free !== null && neededBytes !== null && free < neededBytes)
      return faultText('disk-full', dataDir, neededBytes, free, 'ENOSPC');
    const refusal = this.probeWrite(String(this.now()));
    if (refusal === null) return null;
    return faultText(writeFaultOf(refusal) ?? 'io', dataDir, neededBytes, free, errnoOf(refusal));
  }

  private holdsLock(): boolean {
    try {
      return readFileSync(this.options.lockFile, 'utf8').trim() === String(process.pid);
    } catch {
      return false;
    }
  }

  private set(health: StorageHealth): void {
    this.health = health;
    this.emit('changed', health);
  }
}

const texts = ({ problem, meanwhile }: FaultText) => ({ problem, message: `${problem} ${meanwhile}` });

function freeSpace(dir: string): number | null {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

const megabytes = (bytes: number) => (bytes < 2 ** 20 / 10 ? 'under 0.1 MB' : `${(bytes / 2 ** 20).toFixed(1)} MB`);

interface FaultText {
  problem: string;
  /** What goes on meanwhile and what brings writing back. */
  meanwhile: string;
}

const WAITING = 'Browsing and search go on; changes and queued work wait and resume by themselves';

function faultText(
  fault: StorageFault,
  dataDir: string,
  needed: number | null,
  free: number | null,
  code: string | null,
): FaultText {
  switch (fault) {
    case 'disk-full': {
      const room = needed === null ? '' : `: ${megabytes(needed)} needed`;
      const left = free === null ? '' : `, ${megabytes(free)} free`;
      return {
        problem: `The disk holding your library is full${room}${left} (${dataDir}).`,
        meanwhile: `${WAITING} once there is room.`,
      };
    }
    case 'unwritable':
      return {
        problem: `Your library's folder ${dataDir} cannot be written (${code}: read-only, or its permissions changed).`,
        meanwhile: `${WAITING} once it can be written.`,
      };
    case 'missing':
      return {
        problem: `Your library's folder ${dataDir} has gone (deleted, moved, or on a drive that was unmounted).`,
        meanwhile: `${WAITING} when it is back; nothing is written in its place.`,
      };
    case 'io':
      return {
        problem: `The disk holding your library failed a write (${code ?? 'an I/O error'}).`,
        meanwhile: `${WAITING} once it writes again.`,
      };
  }
}

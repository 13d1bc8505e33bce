import { grow } from './columns';
import type { FileRecord } from './library-store';
import { folderOf, isUnder } from './paths';

/**
 * The library's file records by path, kept as columns: a record per file as an object cost ~90
 * bytes more than its values (a quarter of a million of them in a large library). Behaves as the
 * map it replaces (same order: first set first), handing out a new record object per read.
 */
export class FileTable {
  private readonly rows = new Map<string, number>();
  private readonly paths: string[] = [];
  private readonly hashes: (string | null)[] = [];
  private sizes = new Float64Array(0);
  private mtimes = new Float64Array(0);
  /** The few records that tell of a failure, by row. */
  private readonly failures = new Map<number, Pick<FileRecord, 'error' | 'errorAt'>>();
  private readonly freeRows: number[] = [];
  /** Rows by the folder that directly holds them, so listing one folder's files skips the rest. */
  private readonly byFolder = new Map<string, number[]>();
  /** Each row's position in its folder's list (so removing a row is O(1)). */
  private folderSlots = new Uint32Array(0);

  get size(): number {
    return this.rows.size;
  }

  get(path: string): FileRecord | undefined {
    const row = this.rows.get(path);
    return row === undefined ? undefined : this.record(row);
  }

  set(path: string, file: FileRecord): void {
    const existing = this.rows.get(path);
    const row = existing ?? this.freeRows.pop() ?? this.paths.length;
    this.reserve(row + 1);
    if (existing === undefined) this.addToFolder(path, row);
    this.paths[row] = path;
    this.hashes[row] = file.hash;
    this.sizes[row] = file.fileSize;
    this.mtimes[row] = file.mtimeMs;
    if (file.error !== null || file.errorAt !== null)
      this.failures.set(row, { error: file.error, errorAt: file.errorAt });
    else this.failures.delete(row);
    this.rows.set(path, row);
  }

  delete(path: string): boolean {
    const row = this.rows.get(path);
    if (row === undefined) return false;
    this.rows.delete(path);
    this.removeFromFolder(path, row);
    this.failures.delete(row);
    this.paths[row] = '';
    this.hashes[row] = null;
    this.freeRows.push(row);
    return true;
  }

  keys(): IterableIterator<string> {
    return this.rows.keys();
  }

  /**
   * The records under `folder` (all, in the table's order, when undefined): only those are made,
   * and only the folders that can hold them are looked into (at 250,000 files, testing every
   * path held up the event loop for ~40 ms whenever a folder was scanned).
   */
  *under(folder: string | undefined): IterableIterator<FileRecord> {
    if (folder === undefined) {
      for (const row of this.rows.values()) yield this.record(row);
      return;
    }
    for (const [holder, rows] of this.byFolder) {
      // A holder under `folder` holds only files under it; one above it (or none: a bare name) may hold some.
      const whole = holder !== '' && isUnder(holder, folder);
      if (!whole && holder !== '' && !isUnder(folder, holder)) continue;
      for (const row of rows) if (whole || isUnder(this.paths[row], folder)) yield this.record(row);
    }
  }

  /** The records that tell of a failure, in the table's order, without making a record per file. */
  *failed(): IterableIterator<FileRecord> {
    for (const row of this.rows.values()) if (this.failures.has(row)) yield this.record(row);
  }

  *values(): IterableIterator<FileRecord> {
    for (const row of this.rows.values()) yield this.record(row);
  }

  private record(row: number): FileRecord {
    const failure = this.failures.get(row);
    return {
      path: this.paths[row],
      hash: this.hashes[row],
      fileSize: this.sizes[row],
      mtimeMs: this.mtimes[row],
      error: failure?.error ?? null,
      errorAt: failure?.errorAt ?? null,
    };
  }

  private addToFolder(path: string, row: number): void {
    const holder = folderOf(path);
    let rows = this.byFolder.get(holder);
    if (!rows) this.byFolder.set(holder, (rows = []));
    this.folderSlots[row] = rows.length;
    rows.push(row);
  }

  private removeFromFolder(path: string, row: number): void {
    const holder = folderOf(path);
    const rows = this.byFolder.get(holder)!;
    const last = rows.pop()!;
    if (last !== row) {
      rows[this.folderSlots[row]] = last;
      this.folderSlots[last] = this.folderSlots[row];
    }
    if (rows.length === 0) this.byFolder.delete(holder);
  }

  private reserve(rows: number): void {
    if (rows <= this.sizes.length) return;
    const capacity = Math.max(rows, this.sizes.length * 2, 1024);
    this.sizes = grow(this.sizes, capacity);
    this.mtimes = grow(this.mtimes, capacity);
    this.folderSlots = grow(this.folderSlots, capacity);
  }
}

/** Typed-array columns indexed by asset slot, for scans that stay in contiguous memory. */

type NumberArray = Uint16Array | Uint32Array | Float32Array | Float64Array;

/** A copy of `column` with room for `capacity` entries. */
export function grow<T extends NumberArray>(column: T, capacity: number): T {
  const grown = new (column.constructor as new (length: number) => T)(capacity);
  grown.set(column);
  return grown;
}

/**
 * The list itself, with room to grow: V8 keeps a list's capacity when it shrinks by one, so a
 * push and a pop copy its pointers now (when a large library opens) instead of inside the first
 * image ingested after it (at 250,000 images, the index's ten per-slot lists were a ~40 ms stall).
 */
export function withRoomToGrow<T>(list: T[]): T[] {
  list.push(undefined as T);
  list.pop();
  return list;
}

/**
 * Fixed-width rows (a vector, a palette) for every slot in one typed array, so comparing
 * a query against all assets walks memory in order. The width grows, with a one-off
 * re-layout, when a longer row arrives; shorter rows are zero-padded and remember their length.
 */
export class RowColumn<T extends Float32Array | Float64Array | Uint32Array> {
  width = 0;
  lengths = new Uint16Array(0);
  data: T;

  /** `width`: the longest row expected, so no re-layout of every row happens when one arrives. */
  constructor(
    private readonly make: (length: number) => T,
    width = 0,
  ) {
    this.width = width;
    this.data = make(0);
  }

  set(slot: number, row: ArrayLike<number>): void {
    if (row.length > this.width) this.widen(row.length);
    this.ensureCapacity(slot + 1);
    const start = slot * this.width;
    this.data.fill(0, start, start + this.width);
    this.data.set(row, start);
    this.lengths[slot] = row.length;
  }

  /** The row's values (a view, not a copy). */
  row(slot: number): T {
    const start = slot * this.width;
    return this.data.subarray(start, start + this.lengths[slot]) as T;
  }

  /** Room for rows up to `slots` (rows still widen the data when a longer one arrives). */
  reserve(slots: number): void {
    this.ensureCapacity(slots);
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.lengths.length) return;
    const capacity = Math.max(slots, this.lengths.length * 2, 1024);
    this.lengths = grow(this.lengths, capacity);
    this.data = grow(this.data, capacity * this.width);
  }

  private widen(width: number): void {
    const slots = this.lengths.length;
    const data = this.make(slots * width);
    for (let slot = 0; slot < slots; slot++) {
      data.set(this.data.subarray(slot * this.width, slot * this.width + this.lengths[slot]), slot * width);
    }
    this.data = data;
    this.width = width;
  }
}

/** A slot's codes in a multi-valued facet, shared with every slot that has the same ones (never changed). */
export type CodeList = readonly number[];

/**
 * One list per distinct set of codes. Counting facets over 250,000 slots then reads a few
 * thousand small lists that stay in cache, instead of chasing a separate array per slot
 * (not frozen: frozen arrays made those reads slower).
 */
export class CodeLists {
  private readonly lists = new Map<string, CodeList>();
  /** Lists of one code (most of them: one pattern label, one tag), found without making a key. */
  private readonly singles: CodeList[] = [];
  private readonly empty: CodeList = [];

  of(codes: number[]): CodeList {
    if (codes.length === 0) return this.empty;
    if (codes.length === 1) return (this.singles[codes[0]] ??= codes);
    const key = codes.join(',');
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = codes));
    return list;
  }
}

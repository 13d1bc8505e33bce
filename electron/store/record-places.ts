import { grow } from './columns';
import { FacetDictionary } from './facet-dictionary';
import type { RecordSpan } from './record-spans';

/**
 * Per slot, where a shard file holds that slot's record: three columns and a table of file names,
 * not an object per asset (~20 MB at 250,000 images).
 */
export class RecordPlaces {
  readonly files = new FacetDictionary();
  file = new Uint32Array(0);
  /** Byte offsets: a shard file is a few megabytes (JSON.parse could not read one of 4 GB anyway). */
  start = new Uint32Array(0);
  end = new Uint32Array(0);

  set(slot: number, span: RecordSpan): void {
    this.reserve(slot + 1);
    this.file[slot] = this.files.code(span.file);
    this.start[slot] = span.start;
    this.end[slot] = span.end;
  }

  get(slot: number): RecordSpan {
    return { file: this.files.values[this.file[slot]], start: this.start[slot], end: this.end[slot] };
  }

  reserve(slots: number): void {
    if (slots <= this.file.length) return;
    const capacity = Math.max(slots, this.file.length * 2, 1024);
    this.file = grow(this.file, capacity);
    this.start = grow(this.start, capacity);
    this.end = grow(this.end, capacity);
  }
}

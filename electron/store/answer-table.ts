import { ATTRIBUTE_FIELDS } from '../../shared/model/attributes';
import type { ModelAnalysis } from '../../shared/model';
import { grow } from './columns';
import { FacetDictionary } from './facet-dictionary';
import type { RecordSpan } from './record-spans';

export const FIELDS = ATTRIBUTE_FIELDS.length;
/** Per row: model, model asked for, prompt version, escalated from (codes of `names`). */
const CODES = 4;
/** Per row: confidence, at, start and end of its place. */
const NUMBERS = 4;
const NONE = 0xffffffff;

/** What the store keeps of an answer besides its field confidences and its place. */
export interface AnswerHead {
  modelId: string;
  requestedModelId: string;
  promptVersion: string;
  confidence: number;
  at: number;
  escalatedFrom: string | null;
}

/**
 * Every model answer the store holds, a row each, as columns: a quarter of a million answers as
 * objects were ~50 MB and a quarter of the work of each full garbage collection. A row holds the
 * head, the field confidences and the answer's place in its shard file; the whole record only
 * until it is in that file (then read back from there). Rows are not reused: a row stays what it
 * was for anyone still looking at it, and the next open lays the table out afresh.
 */
export class AnswerTable {
  /** Model ids and prompt versions: a handful of distinct values. */
  private readonly names = new FacetDictionary();
  private codes = new Uint32Array(0);
  private numbers = new Float64Array(0);
  private fields = new Float64Array(0);
  /** The shard file holding the row's answer (each file's name one shared string), null until written. */
  private readonly files: (string | null)[] = [];
  /** Whole answers memory still holds (not yet in a file, or read from one and not yet released). */
  private readonly records = new Map<number, ModelAnalysis>();
  private rows = 0;

  reserve(rows: number): void {
    if (rows <= this.numbers.length / NUMBERS) return;
    const capacity = Math.max(rows, (this.numbers.length / NUMBERS) * 2, 1024);
    this.codes = grow(this.codes, capacity * CODES);
    this.numbers = grow(this.numbers, capacity * NUMBERS);
    this.fields = grow(this.fields, capacity * FIELDS);
  }

  /** A new row; `fields` holds its confidences per ATTRIBUTE_FIELDS from position `from`. */
  add(
    head: AnswerHead,
    fields: ArrayLike<number>,
    from: number,
    record: ModelAnalysis | null,
    span: RecordSpan | null,
  ) {
    const row = this.rows++;
    this.reserve(row + 1);
    this.codes.set(
      [head.modelId, head.requestedModelId, head.promptVersion].map((name) => this.names.code(name)),
      row * CODES,
    );
    this.codes[row * CODES + 3] = head.escalatedFrom === null ? NONE : this.names.code(head.escalatedFrom);
    this.numbers[row * NUMBERS] = head.confidence;
    this.numbers[row * NUMBERS + 1] = head.at;
    for (let i = 0; i < FIELDS; i++) this.fields[row * FIELDS + i] = fields[from + i];
    this.files[row] = null;
    if (record) this.records.set(row, record);
    if (span) this.locate(row, span);
    return row;
  }

  name(row: number, which: 0 | 1 | 2 | 3): string | null {
    const code = this.codes[row * CODES + which];
    return code === NONE ? null : this.names.values[code];
  }

  number(row: number, which: 0 | 1): number {
    return this.numbers[row * NUMBERS + which];
  }

  field(row: number, i: number): number {
    return this.fields[row * FIELDS + i];
  }

  record(row: number): ModelAnalysis | undefined {
    return this.records.get(row);
  }

  /** Memory no longer holds the row's whole answer (it is read from its file, or was replaced). */
  forget(row: number): void {
    this.records.delete(row);
  }

  span(row: number): RecordSpan | null {
    const file = this.files[row];
    return file === null
      ? null
      : { file, start: this.numbers[row * NUMBERS + 2], end: this.numbers[row * NUMBERS + 3] };
  }

  locate(row: number, span: RecordSpan): void {
    this.files[row] = span.file;
    this.numbers[row * NUMBERS + 2] = span.start;
    this.numbers[row * NUMBERS + 3] = span.end;
  }
}

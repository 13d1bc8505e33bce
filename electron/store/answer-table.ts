import { ATTRIBUTE_FIELDS } from '../../shared/model/attributes';
import type { ModelAnalysis } from '../../shared/model';
import { RowColumn } from './columns';
import { FacetDictionary } from './facet-dictionary';
import type { RecordSpan } from './record-spans';

export const FIELDS = ATTRIBUTE_FIELDS.length;
/** Per row: model, model asked for, prompt version, escalated from (codes of `names`). */
const CODES = 4;
/** Per row: confidence, at, start and end of its place. */
const NUMBERS = 4;
const NONE = 0xffffffff;

/** What the store keeps of an answer besides its field confidences and its place. */
export type AnswerHead = Pick<
  ModelAnalysis,
  'modelId' | 'requestedModelId' | 'promptVersion' | 'confidence' | 'at' | 'escalatedFrom'
>;

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
  private readonly codes = new RowColumn((n) => new Uint32Array(n), CODES);
  private readonly numbers = new RowColumn((n) => new Float64Array(n), NUMBERS);
  private readonly fields = new RowColumn((n) => new Float64Array(n), FIELDS);
  /** The shard file holding the row's answer (each file's name one shared string), null until written. */
  private readonly files: (string | null)[] = [];
  /** Whole answers memory still holds (not yet in a file, or read from one and not yet released). */
  private readonly records = new Map<number, ModelAnalysis>();
  private rows = 0;

  reserve(rows: number): void {
    for (const column of [this.codes, this.numbers, this.fields]) column.reserve(rows);
  }

  /** A new row; `fieldConfidences` per ATTRIBUTE_FIELDS, in order. */
  add(head: AnswerHead, fieldConfidences: ArrayLike<number>, record: ModelAnalysis | null, span: RecordSpan | null) {
    const row = this.rows++;
    const code = (name: string | null) => (name === null ? NONE : this.names.code(name));
    this.codes.set(row, [head.modelId, head.requestedModelId, head.promptVersion, head.escalatedFrom].map(code));
    this.numbers.set(row, [head.confidence, head.at, 0, 0]);
    this.fields.set(row, fieldConfidences);
    this.files[row] = null;
    if (record) this.records.set(row, record);
    if (span) this.locate(row, span);
    return row;
  }

  name(row: number, which: 0 | 1 | 2 | 3): string | null {
    const code = this.codes.data[row * CODES + which];
    return code === NONE ? null : this.names.values[code];
  }

  number(row: number, which: 0 | 1): number {
    return this.numbers.data[row * NUMBERS + which];
  }

  field(row: number, i: number): number {
    return this.fields.data[row * FIELDS + i];
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
      : { file, start: this.numbers.data[row * NUMBERS + 2], end: this.numbers.data[row * NUMBERS + 3] };
  }

  locate(row: number, span: RecordSpan): void {
    this.files[row] = span.file;
    this.numbers.data[row * NUMBERS + 2] = span.start;
    this.numbers.data[row * NUMBERS + 3] = span.end;
  }
}

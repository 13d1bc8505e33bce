import { ATTRIBUTE_FIELDS, type AttributeField } from '../../shared/model/attributes';
import type { ModelAnalysis } from '../../shared/model';
import { readSpan, type RecordSpan } from './record-spans';
import { unpackAnswer, type PackedAnswer } from './packed-answer';
import type { AnalysisHead } from './library-store';
import { FIELDS, type AnswerTable } from './answer-table';

/**
 * One model answer as the store holds it, a row of the answer table (made when asked for: the
 * table keeps no object per answer): its head always, the whole record only until it is in a shard
 * file, then read back from there. Answers are never changed in place, so the file's copy is the record.
 */
export class StoredAnswer {
  constructor(
    private readonly table: AnswerTable,
    private readonly row: number,
  ) {}

  get modelId(): string {
    return this.table.name(this.row, 0)!;
  }

  get requestedModelId(): string {
    return this.table.name(this.row, 1)!;
  }

  get promptVersion(): string {
    return this.table.name(this.row, 2)!;
  }

  get escalatedFrom(): string | null {
    return this.table.name(this.row, 3);
  }

  get confidence(): number {
    return this.table.number(this.row, 0);
  }

  get at(): number {
    return this.table.number(this.row, 1);
  }

  /** Per ATTRIBUTE_FIELDS, in order (a new list). */
  get fieldConfidence(): number[] {
    return Array.from({ length: FIELDS }, (_, i) => this.table.field(this.row, i));
  }

  /** Where its file holds the answer, once memory no longer holds it (null until then). */
  get place(): RecordSpan | null {
    return this.table.record(this.row) === undefined ? this.table.span(this.row) : null;
  }

  /** What a queue needs to know of the answer (a new object). */
  get head(): AnalysisHead {
    const { modelId, requestedModelId, confidence, at, escalatedFrom } = this;
    const confidences = this.fieldConfidence;
    const fieldConfidence = Object.fromEntries(ATTRIBUTE_FIELDS.map((field, i) => [field, confidences[i]]));
    return {
      modelId,
      requestedModelId,
      confidence,
      at,
      escalatedFrom,
      fieldConfidence: fieldConfidence as Record<AttributeField, number>,
    };
  }

  /** The whole answer: from memory, else from its file. */
  get answer(): ModelAnalysis {
    return this.table.record(this.row) ?? unpackAnswer(readSpan(this.table.span(this.row)!) as PackedAnswer);
  }

  /** Same model as asked for, same prompt: the cache key (a newer answer under it replaces this one). */
  sameKey(other: Pick<ModelAnalysis, 'requestedModelId' | 'promptVersion'>): boolean {
    return this.requestedModelId === other.requestedModelId && this.promptVersion === other.promptVersion;
  }

  /** An answer read from a shard file is kept as a head from now on (once its words are worked out). */
  release(): void {
    if (this.table.span(this.row) !== null) this.table.forget(this.row);
  }

  /**
   * `written` (this answer, or one with its key) is now in a shard file at `span`: drop the record
   * and read it from there. An answer recorded while that file was being written is newer: it stays.
   */
  settle(written: ModelAnalysis | null, span: RecordSpan): void {
    const record = this.table.record(this.row);
    if (record === undefined || record === written) {
      this.table.locate(this.row, span);
      this.table.forget(this.row);
    }
  }
}

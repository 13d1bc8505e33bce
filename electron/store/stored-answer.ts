import { ATTRIBUTE_FIELDS, type AttributeField } from '../../shared/model/attributes';
import type { ModelAnalysis } from '../../shared/model';
import { readSpan, type RecordSpan } from './record-spans';
import type { AnalysisHead } from './library-store';

/** Model ids and prompt versions: a handful of distinct values, each parsed once per answer otherwise. */
const interned = new Map<string, string>();
const intern = (value: string): string => {
  const known = interned.get(value);
  if (known !== undefined) return known;
  interned.set(value, value);
  return value;
};

const FIELDS = ATTRIBUTE_FIELDS.length;

/** What the store keeps of an answer besides its field confidences and its place. */
export type AnswerHead = Pick<
  StoredAnswer,
  'modelId' | 'requestedModelId' | 'promptVersion' | 'confidence' | 'at' | 'escalatedFrom'
>;

/**
 * One model answer as the store holds it: its head always, the whole record only until it is in a
 * shard file, then read back from there when asked for. Answers are never changed in place, so the
 * file's copy is the record. A quarter of a million of these stay in memory, so each is kept small:
 * its field confidences are a row of a column shared with other answers (one list per answer cost
 * ~130 bytes), and its place in its file is three fields, not an object.
 */
export class StoredAnswer {
  readonly modelId: string;
  readonly requestedModelId: string;
  readonly promptVersion: string;
  readonly confidence: number;
  readonly at: number;
  readonly escalatedFrom: string | null;
  private file: string | null = null;
  private start = 0;
  private end = 0;

  /** `fields`: per ATTRIBUTE_FIELDS in order, this answer's confidences from position `row * FIELDS`. */
  private constructor(
    head: AnswerHead,
    private readonly fields: ArrayLike<number>,
    private readonly row: number,
    private record: ModelAnalysis | null,
    span: RecordSpan | null,
  ) {
    this.modelId = intern(head.modelId);
    this.requestedModelId = intern(head.requestedModelId);
    this.promptVersion = intern(head.promptVersion);
    this.confidence = head.confidence;
    this.at = head.at;
    this.escalatedFrom = head.escalatedFrom === null ? null : intern(head.escalatedFrom);
    if (span) this.locate(span);
  }

  /** `span`: where a shard file holds this answer (it is kept in memory until `release`). */
  static of(answer: ModelAnalysis, span: RecordSpan | null = null): StoredAnswer {
    const fields = ATTRIBUTE_FIELDS.map((field) => answer.attributes.confidence[field]);
    return new StoredAnswer(answer, fields, 0, answer, span);
  }

  /** An answer as the open index holds it: its head, row `row` of the confidences column, its place. */
  static restored(head: AnswerHead, fields: Float64Array, row: number, span: RecordSpan): StoredAnswer {
    return new StoredAnswer(head, fields, row, null, span);
  }

  /** Per ATTRIBUTE_FIELDS, in order (a new list). */
  get fieldConfidence(): number[] {
    return Array.from({ length: FIELDS }, (_, i) => this.fields[this.row * FIELDS + i]);
  }

  /** Where its file holds the answer, once memory no longer holds it (null until then). */
  get place(): RecordSpan | null {
    return this.record === null ? this.span : null;
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
    return this.record ?? (readSpan(this.span!) as ModelAnalysis);
  }

  /** Same model as asked for, same prompt: the cache key (a newer answer under it replaces this one). */
  sameKey(other: Pick<ModelAnalysis, 'requestedModelId' | 'promptVersion'>): boolean {
    return this.requestedModelId === other.requestedModelId && this.promptVersion === other.promptVersion;
  }

  /** An answer read from a shard file is kept as a head from now on (once its words are worked out). */
  release(): void {
    if (this.file !== null) this.record = null;
  }

  /**
   * `written` (this answer, or one with its key) is now in a shard file at `span`: drop the record
   * and read it from there. An answer recorded while that file was being written is newer: it stays.
   */
  settle(written: ModelAnalysis | null, span: RecordSpan): void {
    if (this.record === null || this.record === written) {
      this.locate(span);
      this.record = null;
    }
  }

  private get span(): RecordSpan | null {
    return this.file === null ? null : { file: this.file, start: this.start, end: this.end };
  }

  private locate(span: RecordSpan): void {
    this.file = span.file;
    this.start = span.start;
    this.end = span.end;
  }
}

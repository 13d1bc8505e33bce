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

/** What the store keeps of an answer once its file holds it. */
export type AnswerHead = Pick<
  StoredAnswer,
  'modelId' | 'requestedModelId' | 'promptVersion' | 'confidence' | 'at' | 'escalatedFrom' | 'fieldConfidence'
>;

/**
 * One model answer as the store holds it: its head always (~300 bytes), the whole record only
 * until it is in a shard file, then read back from there when asked for. Answers are never
 * changed in place, so the file's copy is the record.
 */
export class StoredAnswer {
  readonly modelId: string;
  readonly requestedModelId: string;
  readonly promptVersion: string;
  readonly confidence: number;
  readonly at: number;
  readonly escalatedFrom: string | null;
  /** Per ATTRIBUTE_FIELDS, in order: a list of numbers is a quarter of an object of them. */
  readonly fieldConfidence: readonly number[];

  /** `span`: where a shard file holds this answer (`record`, if given, is kept in memory until `release`). */
  private constructor(
    head: AnswerHead,
    private record: ModelAnalysis | null,
    private span: RecordSpan | null,
  ) {
    this.modelId = intern(head.modelId);
    this.requestedModelId = intern(head.requestedModelId);
    this.promptVersion = intern(head.promptVersion);
    this.confidence = head.confidence;
    this.at = head.at;
    this.escalatedFrom = head.escalatedFrom === null ? null : intern(head.escalatedFrom);
    this.fieldConfidence = head.fieldConfidence;
  }

  static of(answer: ModelAnalysis, span: RecordSpan | null = null): StoredAnswer {
    const fieldConfidence = ATTRIBUTE_FIELDS.map((field) => answer.attributes.confidence[field]);
    return new StoredAnswer({ ...answer, fieldConfidence }, answer, span);
  }

  /** An answer as the open index holds it: its head, and its place in a shard file. */
  static restored(head: AnswerHead, span: RecordSpan): StoredAnswer {
    return new StoredAnswer(head, null, span);
  }

  /** Where its file holds the answer, once memory no longer holds it (null until then). */
  get place(): RecordSpan | null {
    return this.record === null ? this.span : null;
  }

  /** What a queue needs to know of the answer (a new object). */
  get head(): AnalysisHead {
    const { modelId, requestedModelId, confidence, at, escalatedFrom } = this;
    const fieldConfidence = Object.fromEntries(ATTRIBUTE_FIELDS.map((field, i) => [field, this.fieldConfidence[i]]));
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
    if (this.span) this.record = null;
  }

  /**
   * `written` (this answer, or one with its key) is now in a shard file at `span`: drop the record
   * and read it from there. An answer recorded while that file was being written is newer: it stays.
   */
  settle(written: ModelAnalysis | null, span: RecordSpan): void {
    if (this.record === null || this.record === written) {
      this.span = span;
      this.record = null;
    }
  }
}

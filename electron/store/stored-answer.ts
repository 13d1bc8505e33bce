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
  private readonly fieldConfidence: number[];
  private record: ModelAnalysis | null;

  /** `span`: where a shard file holds this answer (it is kept in memory until `release`). */
  constructor(
    answer: ModelAnalysis,
    private span: RecordSpan | null = null,
  ) {
    this.record = answer;
    this.modelId = intern(answer.modelId);
    this.requestedModelId = intern(answer.requestedModelId);
    this.promptVersion = intern(answer.promptVersion);
    this.confidence = answer.confidence;
    this.at = answer.at;
    this.escalatedFrom = answer.escalatedFrom === null ? null : intern(answer.escalatedFrom);
    this.fieldConfidence = ATTRIBUTE_FIELDS.map((field) => answer.attributes.confidence[field]);
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

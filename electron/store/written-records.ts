import type { ModelAnalysis } from '../../shared/model';
import type { RecordSpan, WrittenAnswer, WrittenRecord } from './record-spans';

/** An answer's key as a snapshot reports it. */
export type AnswerKey = Pick<ModelAnalysis, 'hash' | 'requestedModelId' | 'promptVersion'>;

/**
 * What a snapshot wrote, in columns until memory has taken the new places in. At 250,000 images
 * a snapshot during ingest rewrites ~500,000 records; an object and a span for each, held until
 * the commit, outlived the young generation and were then collected in pauses people felt.
 * Records are made for a slice at a time as they are read (see time-slices.ts), and die young.
 */
abstract class WrittenColumns<W> {
  private readonly hashes: string[] = [];
  private readonly files: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** By position: records written from memory (every other one was copied from its old file). */
  private readonly sources = new Map<number, object>();

  get length(): number {
    return this.hashes.length;
  }

  /** Records `from` to `to` (end excluded), made now. */
  slice(from: number, to: number): W[] {
    const records: W[] = [];
    for (let i = from; i < Math.min(to, this.length); i++) records.push(this.recordAt(i));
    return records;
  }

  protected abstract recordAt(i: number): W;

  protected pushPlace(hash: string, source: object | null, span: RecordSpan): void {
    if (source !== null) this.sources.set(this.hashes.length, source);
    this.hashes.push(hash);
    this.files.push(span.file);
    this.starts.push(span.start);
    this.ends.push(span.end);
  }

  protected placeAt(i: number): WrittenRecord<object> {
    const span = { file: this.files[i], start: this.starts[i], end: this.ends[i] };
    return { hash: this.hashes[i], source: this.sources.get(i) ?? null, span };
  }
}

export class WrittenAssets extends WrittenColumns<WrittenRecord<object>> {
  push(hash: string, source: object | null, span: RecordSpan): void {
    this.pushPlace(hash, source, span);
  }

  protected recordAt(i: number): WrittenRecord<object> {
    return this.placeAt(i);
  }
}

export class WrittenAnswers extends WrittenColumns<WrittenAnswer<ModelAnalysis>> {
  private readonly models: string[] = [];
  private readonly prompts: string[] = [];

  push(key: AnswerKey, source: ModelAnalysis | null, span: RecordSpan): void {
    this.pushPlace(key.hash, source, span);
    this.models.push(key.requestedModelId);
    this.prompts.push(key.promptVersion);
  }

  protected recordAt(i: number): WrittenAnswer<ModelAnalysis> {
    const place = this.placeAt(i) as WrittenRecord<ModelAnalysis>;
    return { ...place, requestedModelId: this.models[i], promptVersion: this.prompts[i] };
  }
}

/** What a snapshot wrote: the answers, and the assets as memory held them (not as packed for the file). */
export interface WrittenRecords {
  assets: WrittenAssets;
  answers: WrittenAnswers;
}

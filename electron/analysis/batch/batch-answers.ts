/**
 * A finished batch job's output, read back: each design's answer validated as an on-demand answer is,
 * stored under the job's model and prompt version at the batch price, and each record logged as a call.
 * Designs Bedrock could not answer, or answered out of schema, go back to the caller to send on demand;
 * so do answers less sure than the escalation threshold, which on demand reach the stronger model (the
 * first answer is cached). Reading again after a crash stores and logs nothing twice: a design already
 * answered is passed over.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { AiSettings, ModelAnalysis } from '../../../shared/model/ai';
import { ATTRIBUTE_SCHEMA_VERSION, overallConfidence } from '../../../shared/model/attributes';
import { BATCH_PRICE_FACTOR, type BatchJob } from '../../../shared/model/batch';
import type { AnalysisRecords } from '../../store';
import type { InvocationLog } from '../invocation-log';
import { costOf } from '../pricing';
import { objectLines, under, type S3Location } from './batch-bucket';
import { RECORDS_FILE } from './batch-input';
import { readRecordLine, type RecordOutcome } from './batch-record';

export interface AnswerSink {
  store: AnalysisRecords;
  calls: InvocationLog;
  settings: AiSettings;
  now: () => number;
}

export interface BatchAnswers {
  stored: number;
  /** Hashes whose answer was stored in this pass. */
  analysed: string[];
  /** Hashes to send on demand: no valid answer, or one to escalate. */
  onDemand: string[];
  /** What was read back in this pass (designs already answered before a restart are not counted again). */
  costUsd: number;
  /** Lines that were not records of this job at all. */
  unreadable: number;
  /** Images the job held that no line of the output answered (a stopped or expired job's rest, or a lost line). */
  missing: string[];
}

export async function readBatchAnswers(
  s3: S3Client,
  folder: S3Location,
  files: readonly S3Location[],
  job: BatchJob,
  sink: AnswerSink,
  signal?: AbortSignal,
): Promise<BatchAnswers> {
  const hashesOf = new Map<string, string[]>();
  for await (const line of objectLines(s3, under(folder, RECORDS_FILE), signal)) {
    const entry = parsedEntry(line);
    // A damaged line loses its record's answers only: they count as unreadable below.
    if (entry) hashesOf.set(entry.recordId, entry.hashes);
  }
  const answers: BatchAnswers = { stored: 0, analysed: [], onDemand: [], costUsd: 0, unreadable: 0, missing: [] };
  const answered = new Set<string>();
  const designCount = (recordId: string) => hashesOf.get(recordId)?.length ?? 0;
  for (const file of files) {
    for await (const line of objectLines(s3, file, signal)) {
      const outcome = readRecordLine(line, designCount);
      if (!outcome) {
        answers.unreadable++;
        continue;
      }
      answered.add(outcome.recordId);
      take(outcome, hashesOf.get(outcome.recordId)!, job, sink, answers);
    }
  }
  for (const [recordId, hashes] of hashesOf) if (!answered.has(recordId)) answers.missing.push(...hashes);
  return answers;
}

function parsedEntry(line: string): { recordId: string; hashes: string[] } | null {
  try {
    const entry = JSON.parse(line) as { recordId?: unknown; hashes?: unknown };
    const hashes = Array.isArray(entry.hashes) ? entry.hashes.filter((h) => typeof h === 'string') : [];
    return typeof entry.recordId === 'string' && hashes.length > 0 ? { recordId: entry.recordId, hashes } : null;
  } catch {
    return null;
  }
}

function take(outcome: RecordOutcome, hashes: string[], job: BatchJob, sink: AnswerSink, answers: BatchAnswers): void {
  const { store, settings } = sink;
  const recordCost =
    costOf(job.modelId, outcome.inputTokens, outcome.outputTokens, settings.prices) * BATCH_PRICE_FACTOR;
  const share = recordCost / hashes.length;
  const handled: string[] = [];
  outcome.designs.forEach(({ attributes }, i) => {
    const hash = hashes[i];
    const earlier = store.findModelAnalysis(hash, job.modelId, job.promptVersion);
    if (earlier) {
      answers.stored++;
      if (needsEscalation(earlier, settings)) answers.onDemand.push(hash);
      return;
    }
    handled.push(hash);
    if (!attributes) {
      answers.onDemand.push(hash);
      return;
    }
    const analysis = answerOf(hash, attributes, job, share, sink.now());
    store.recordModelAnalysis(analysis);
    answers.stored++;
    answers.analysed.push(hash);
    if (needsEscalation(analysis, settings)) answers.onDemand.push(hash);
  });
  if (handled.length === 0) return;
  answers.costUsd += share * handled.length;
  const invalid = outcome.designs.filter((d) => !d.attributes);
  sink.calls.record({
    requestedModelId: job.modelId,
    modelId: job.modelId,
    promptVersion: job.promptVersion,
    hashes: handled,
    inputTokens: outcome.inputTokens,
    outputTokens: outcome.outputTokens,
    latencyMs: 0,
    costUsd: share * handled.length,
    outcome: outcome.failed ? 'error' : invalid.length ? 'invalid' : 'ok',
    detail: invalid[0]?.error ?? `batch job ${job.name}`,
    attempt: 0,
    notSent: null,
  });
}

function answerOf(
  hash: string,
  attributes: NonNullable<RecordOutcome['designs'][number]['attributes']>,
  job: BatchJob,
  costUsd: number,
  at: number,
): ModelAnalysis {
  return {
    hash,
    modelId: job.modelId,
    requestedModelId: job.modelId,
    promptVersion: job.promptVersion,
    schemaVersion: ATTRIBUTE_SCHEMA_VERSION,
    attributes,
    confidence: Math.round(overallConfidence(attributes) * 1000) / 1000,
    escalatedFrom: null,
    costUsd,
    at,
  };
}

function needsEscalation(answer: ModelAnalysis, settings: AiSettings): boolean {
  return settings.escalationModel !== null && answer.confidence < settings.escalationThreshold;
}

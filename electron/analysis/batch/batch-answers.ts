/**
 * A finished batch job's output, read back: each record's answer validated as an on-demand answer is, stored
 * under the job's model and prompt version at the batch price, and logged as a call. Records Bedrock could
 * not answer, or answered out of schema, go back to the caller to send on demand; so do answers less sure
 * than the escalation threshold, which on demand reach the stronger model (the first answer is cached).
 * Reading again after a crash stores and logs nothing twice: a record already answered is passed over.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { AiSettings, ModelAnalysis } from '../../../shared/model/ai';
import { ATTRIBUTE_SCHEMA_VERSION, overallConfidence } from '../../../shared/model/attributes';
import { BATCH_PRICE_FACTOR, type BatchJob } from '../../../shared/model/batch';
import type { AnalysisRecords } from '../../store';
import type { InvocationLog } from '../invocation-log';
import { costOf } from '../pricing';
import { objectLines, type S3Location } from './batch-bucket';
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
  /** What was read back in this pass (records already answered before a restart are not counted again). */
  costUsd: number;
  /** Lines that were not records at all. */
  unreadable: number;
}

export async function readBatchAnswers(
  s3: S3Client,
  files: readonly S3Location[],
  job: BatchJob,
  sink: AnswerSink,
  signal?: AbortSignal,
): Promise<BatchAnswers> {
  const answers: BatchAnswers = { stored: 0, analysed: [], onDemand: [], costUsd: 0, unreadable: 0 };
  for (const file of files) {
    for await (const line of objectLines(s3, file, signal)) {
      const outcome = readRecordLine(line);
      if (!outcome) answers.unreadable++;
      else take(outcome, job, sink, answers);
    }
  }
  return answers;
}

function take(outcome: RecordOutcome, job: BatchJob, sink: AnswerSink, answers: BatchAnswers): void {
  const { store, settings } = sink;
  const earlier = store.findModelAnalysis(outcome.hash, job.modelId, job.promptVersion);
  if (earlier) {
    answers.stored++;
    if (needsEscalation(earlier, settings)) answers.onDemand.push(outcome.hash);
    return;
  }
  const costUsd = costOf(job.modelId, outcome.inputTokens, outcome.outputTokens, settings.prices) * BATCH_PRICE_FACTOR;
  answers.costUsd += costUsd;
  sink.calls.record({
    requestedModelId: job.modelId,
    modelId: job.modelId,
    promptVersion: job.promptVersion,
    hashes: [outcome.hash],
    inputTokens: outcome.inputTokens,
    outputTokens: outcome.outputTokens,
    latencyMs: 0,
    costUsd,
    outcome: outcome.attributes ? 'ok' : outcome.inputTokens ? 'invalid' : 'error',
    detail: outcome.error ?? `batch job ${job.name}`,
    attempt: 0,
    notSent: null,
  });
  if (!outcome.attributes) {
    answers.onDemand.push(outcome.hash);
    return;
  }
  const analysis: ModelAnalysis = {
    hash: outcome.hash,
    modelId: job.modelId,
    requestedModelId: job.modelId,
    promptVersion: job.promptVersion,
    schemaVersion: ATTRIBUTE_SCHEMA_VERSION,
    attributes: outcome.attributes,
    confidence: Math.round(overallConfidence(outcome.attributes) * 1000) / 1000,
    escalatedFrom: null,
    costUsd,
    at: sink.now(),
  };
  store.recordModelAnalysis(analysis);
  answers.stored++;
  answers.analysed.push(outcome.hash);
  if (needsEscalation(analysis, settings)) answers.onDemand.push(outcome.hash);
}

function needsEscalation(answer: ModelAnalysis, settings: AiSettings): boolean {
  return settings.escalationModel !== null && answer.confidence < settings.escalationThreshold;
}

/**
 * Bulk analysis as Bedrock batch inference jobs, at half the on-demand price: the images written as JSONL
 * records to the user's bucket, a CreateModelInvocationJob over them, the job followed (it can take a day)
 * and, once it ends, its output read back, validated and stored; records without a valid answer go through
 * the on-demand queue. Each job is a persisted record with its ARN, so it is followed again after a restart.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { S3Client } from '@aws-sdk/client-s3';
import { ConflictError, NotFoundError } from '../../../shared/errors';
import type { AiSettings } from '../../../shared/model/ai';
import type { Asset } from '../../../shared/model/asset';
import { BATCH_MINIMUM_RECORDS, type BatchCheck, type BatchJob, type BatchOffer } from '../../../shared/model/batch';
import { checkBatchSetup } from './batch-check';
import type { LibraryStore } from '../../store';
import type { InvocationLog } from '../invocation-log';
import type { ClassifiedFailure } from '../remote-failure';
import { attributePrompt } from '../bedrock/prompt';
import { batchLocation, MissingObjectError, under, uriOf, type S3Location } from './batch-bucket';
import { readBatchAnswers, type AnswerSink, type BatchAnswers } from './batch-answers';
import { createJob, ENDED, outputFiles, reportOf, stopJob, type JobReport } from './batch-control';
import { writeBatchInput } from './batch-input';
import { planBatch } from './batch-offer';
import { Waker } from './waker';

/** A batch job takes hours: asking once a minute is plenty. */
const POLL_MS = 60_000;

export interface BatchAnalysisOptions {
  store: LibraryStore;
  settings: () => AiSettings;
  s3: () => S3Client;
  control: () => BedrockClient;
  calls: InvocationLog;
  /** Images whose record came back without a valid answer (or one to escalate), for the on-demand queue. */
  sendOnDemand: (assets: Asset[]) => void;
  classify: (error: unknown, modelId: string) => ClassifiedFailure;
  now?: () => number;
  pollMs?: number;
}

interface BatchEvents {
  changed: [BatchJob];
  analysed: [string[]];
}

export class BatchAnalysis extends EventEmitter<BatchEvents> {
  private readonly following = new Map<string, { abort: AbortController; waker: Waker }>();

  constructor(private readonly options: BatchAnalysisOptions) {
    super();
  }

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  offer(assets: readonly Asset[]): BatchOffer {
    return planBatch(assets, this.options.settings(), this.options.store.analysis, this.now).offer;
  }

  /** Whether the settings' bucket can be written and read with these credentials (see batch-check.ts). */
  check(): Promise<BatchCheck> {
    return checkBatchSetup(this.options.s3(), this.options.settings());
  }

  list(): BatchJob[] {
    return this.options.store.analysis.listBatchJobs().sort((a, b) => b.submittedAt - a.submittedAt);
  }

  /** Starts a batch job for these images, or refuses (before anything is sent) saying why. */
  start(assets: readonly Asset[]): BatchJob {
    this.options.store.storage.requireWritable();
    const settings = this.options.settings();
    const { offer, toSend, designsPerRecord } = planBatch(assets, settings, this.options.store.analysis, this.now);
    if (!offer.available) throw new ConflictError(offer.reason ?? 'A batch job cannot be started now.');
    const id = randomUUID();
    const name = jobName(this.now, id);
    const folder = under(batchLocation(settings.batchS3Uri), name);
    const job: BatchJob = {
      id,
      name,
      state: 'running',
      stage: 'preparing',
      bedrockStatus: null,
      message: null,
      modelId: settings.attributesModel,
      promptVersion: attributePrompt(settings.promptNotes).version,
      jobArn: null,
      s3Uri: uriOf(folder),
      inputFiles: [],
      images: assets.length,
      records: toSend.length,
      designsPerRecord,
      prepared: 0,
      processed: 0,
      stored: 0,
      retried: 0,
      estimateUsd: offer.costUsd,
      onDemandUsd: offer.onDemandUsd,
      costUsd: 0,
      submittedAt: this.now,
      updatedAt: this.now,
      finishedAt: null,
    };
    this.put(job);
    this.follow(id, async (signal) => {
      if (await this.prepare(id, toSend, signal)) await this.watch(id, signal);
    });
    return job;
  }

  /** After a restart: jobs at Bedrock are followed again; one cut off while its input was written is over. */
  resume(): void {
    for (const job of this.list()) {
      if (job.stage === 'finished' || this.following.has(job.id)) continue;
      if (job.stage === 'preparing') {
        this.end(
          job.id,
          'failed',
          'The app closed while this batch job was being prepared; nothing was sent to Bedrock. Start it again.',
        );
      } else {
        this.follow(job.id, (signal) => this.watch(job.id, signal));
      }
    }
  }

  /** Stops a job: before it reaches Bedrock at once, at Bedrock by asking it to stop (it then ends as Stopped). */
  async stop(id: string): Promise<BatchJob> {
    const job = this.get(id);
    if (job.stage === 'finished') throw new ConflictError(`Batch job ${job.name} has already ended.`);
    if (job.stage === 'reading')
      throw new ConflictError(`Batch job ${job.name} has ended at Bedrock; its answers are being read.`);
    if (!job.jobArn && job.stage !== 'preparing')
      throw new ConflictError(`Batch job ${job.name} is being handed to Bedrock: stop it in a moment.`);
    if (!job.jobArn) {
      this.following.get(id)?.abort.abort();
      return this.end(id, 'cancelled', 'Stopped before anything was sent to Bedrock.');
    }
    try {
      await stopJob(this.options.control(), job.jobArn);
    } catch (error) {
      throw new ConflictError(`Bedrock did not stop ${job.name}: ${this.options.classify(error, job.modelId).message}`);
    }
    this.update(id, { message: 'Asked Bedrock to stop the job; answers it already made are read back when it has.' });
    this.following.get(id)?.waker.wake();
    return this.get(id);
  }

  /** Stops following (jobs at Bedrock go on, and are followed again at the next start). */
  async close(): Promise<void> {
    for (const { abort } of this.following.values()) abort.abort();
    this.following.clear();
  }

  private follow(id: string, work: (signal: AbortSignal) => Promise<void>): void {
    const abort = new AbortController();
    this.following.set(id, { abort, waker: new Waker() });
    void work(abort.signal)
      .catch((error: unknown) => {
        if (!abort.signal.aborted) this.end(id, 'failed', (error as Error).message);
      })
      .finally(() => {
        if (this.following.get(id)?.abort === abort) this.following.delete(id);
      });
  }

  /** Writes the input; false when there is nothing to send after all (the job has ended, saying why). */
  private async prepare(id: string, assets: readonly Asset[], signal: AbortSignal): Promise<boolean> {
    const job = this.get(id);
    let reported = 0;
    const input = await writeBatchInput(assets, {
      s3: this.options.s3(),
      folder: this.folderOf(job),
      system: attributePrompt(this.options.settings().promptNotes).system,
      designsPerRecord: job.designsPerRecord,
      signal,
      onProgress: (prepared) => {
        if (prepared - reported < 25 && prepared !== assets.length) return;
        reported = prepared;
        this.update(id, { prepared });
      },
    });
    const unreadable = input.unreadable.length
      ? ` (${input.unreadable.length} images could not be read and were left out)`
      : '';
    if (input.records < BATCH_MINIMUM_RECORDS) {
      this.end(
        id,
        'failed',
        `Only ${input.records} records could be prepared${unreadable}: under Bedrock's minimum of ${BATCH_MINIMUM_RECORDS}.`,
      );
      return false;
    }
    this.update(id, {
      stage: 'at-bedrock',
      inputFiles: input.files,
      records: input.images,
      prepared: input.images,
      message: unreadable ? `Sent ${input.images} images${unreadable}.` : null,
    });
    return true;
  }

  /** Creates the job (again, harmlessly, after a restart: the request token makes it one), then asks how it goes. */
  private async watch(id: string, signal: AbortSignal): Promise<void> {
    const waker = this.following.get(id)!.waker;
    for (let first = true; ; first = false) {
      if (!first) await waker.sleep(this.options.pollMs ?? POLL_MS, signal);
      signal.throwIfAborted();
      const job = this.get(id);
      let report: JobReport;
      try {
        const jobArn = job.jobArn ?? (await this.create(job, signal));
        report = await reportOf(this.options.control(), jobArn, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        const failure = this.options.classify(error, job.modelId);
        if (failure.action === 'fail') return void this.end(id, 'failed', failure.message);
        this.update(id, { message: `${failure.message} Asking again shortly.` });
        continue;
      }
      // Bedrock counts records; each holds several images.
      const processed = Math.min(job.records, report.processed * job.designsPerRecord);
      this.update(id, { bedrockStatus: report.status, processed, message: report.message });
      if (ENDED.has(report.status) && (await this.finish(id, report, signal))) return;
    }
  }

  private async create(job: BatchJob, signal: AbortSignal): Promise<string> {
    const settings = this.options.settings();
    const jobArn = await createJob(this.options.control(), job, settings.batchRoleArn, this.folderOf(job), signal);
    this.update(job.id, { jobArn, bedrockStatus: 'Submitted' });
    return jobArn;
  }

  /** Reads back what the job made; false when the output could not be read yet (asked again at the next poll). */
  private async finish(id: string, report: JobReport, signal: AbortSignal): Promise<boolean> {
    const job = this.get(id);
    if (report.status === 'Failed') {
      this.end(
        id,
        'failed',
        `Bedrock could not run the batch job: ${report.message ?? 'no reason given'}. Analyse on demand, or fix and start again.`,
      );
      return true;
    }
    this.update(id, { stage: 'reading' });
    const files = outputFiles(this.folderOf(job), job.jobArn!, job.inputFiles);
    let answers;
    try {
      answers = await readBatchAnswers(this.options.s3(), this.folderOf(job), files, job, this.sink(), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      const missing = error instanceof MissingObjectError;
      // A stopped or expired job may have written nothing; a completed one whose output is gone never will.
      if (missing && report.status !== 'Completed') answers = null;
      else if (missing) {
        const gone = `${(error as Error).message} Bedrock finished the job, but its answers cannot be read back:`;
        this.end(id, 'failed', `${gone} analyse these images on demand, or start the batch again.`);
        return true;
      } else {
        this.update(id, {
          message: `The answers could not be read yet: ${(error as Error).message} Trying again shortly.`,
        });
        return false;
      }
    }
    const stored = answers?.stored ?? 0;
    // A completed job should have answered every record: one it did not is sent on demand, as a failed one is.
    const lost = report.status === 'Completed' ? (answers?.missing ?? []) : [];
    const onDemand = [...(answers?.onDemand ?? []), ...lost]
      .map((hash) => this.options.store.getAsset(hash))
      .filter((a): a is Asset => !!a);
    if (onDemand.length) this.options.sendOnDemand(onDemand);
    if (answers?.analysed.length) this.emit('analysed', answers.analysed);
    this.update(id, { stored, retried: onDemand.length, costUsd: job.costUsd + (answers?.costUsd ?? 0) });
    const summary = endSummary(report, { ...job, stored, retried: onDemand.length }, answers);
    this.end(id, endState(report.status, stored), summary);
    return true;
  }

  private sink(): AnswerSink {
    const { store, calls, settings } = this.options;
    return { store: store.analysis, calls, settings: settings(), now: () => this.now };
  }

  private folderOf(job: BatchJob): S3Location {
    return batchLocation(job.s3Uri);
  }

  private get(id: string): BatchJob {
    const job = this.options.store.analysis.listBatchJobs().find((j) => j.id === id);
    if (!job) throw new NotFoundError(`No batch job ${id}`);
    return job;
  }

  private update(id: string, patch: Partial<BatchJob>): BatchJob {
    const job = { ...this.get(id), ...patch, updatedAt: this.now };
    this.put(job);
    return job;
  }

  private end(id: string, state: 'done' | 'failed' | 'cancelled', message: string): BatchJob {
    return this.update(id, { state, stage: 'finished', message, finishedAt: this.now });
  }

  private put(job: BatchJob): void {
    this.options.store.analysis.putBatchJob(job);
    this.emit('changed', job);
  }
}

/** Names Bedrock accepts (letters, digits, hyphens), sortable by time, unique by the id's start. */
function jobName(now: number, id: string): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `swatchbook-${stamp}-${id.slice(0, 8)}`;
}

/** Done only when answers came back: a job that ended with none stored did not do what it was for. */
function endState(status: string, stored: number): 'done' | 'failed' | 'cancelled' {
  if (status === 'Stopped') return 'cancelled';
  return status === 'Expired' || stored === 0 ? 'failed' : 'done';
}

function endSummary(
  report: JobReport,
  job: Pick<BatchJob, 'stored' | 'retried' | 'records'>,
  answers: BatchAnswers | null,
): string {
  const parts = [`${job.stored} of ${job.records} answers stored`];
  if (job.retried)
    parts.push(
      `${job.retried} sent on to on-demand analysis (no valid answer, or one to check with the stronger model)`,
    );
  if (answers?.missing.length) parts.push(`${answers.missing.length} images had no answer in Bedrock's output`);
  if (answers?.unreadable) parts.push(`${answers.unreadable} lines of the output were not records`);
  if (report.status === 'Stopped') parts.unshift('Stopped at your request');
  if (report.status === 'PartiallyCompleted' || report.status === 'Expired') {
    parts.unshift(`Bedrock ended the job as ${report.status}${report.message ? ` (${report.message})` : ''}`);
    parts.push('run Analyse with AI again for the rest: stored answers are not paid for twice');
  }
  return `${parts.join('; ')}.`;
}

/**
 * Remote analysis as jobs on the shared runner (electron/jobs): each image a persisted record, so a
 * crash, a pause or an outage resumes where it stopped. Several designs go in one call; calls run with
 * their own concurrency that halves on throttling and creeps back up on success (AIMD), with backoff and
 * jitter. When nothing can work (offline, no credentials, no model access) every job waits and the runner
 * probes again; the monthly budget is a gate checked before each call, lifted when the settings change.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { AiSettings, AnalysisJob, AnalysisProgress } from '../../shared/model/ai';
import type { Asset } from '../../shared/model/asset';
import { JobFailure, JobRunner, type JobOutcome, type JobRecord, type JobRecords } from '../jobs';
import type { LibraryStore } from '../store';
import type { AttributeExtraction, ExtractionOutcome } from './attribute-extraction';
import { RemoteCallError } from './remote-failure';
import { budgetMessage, budgetState, spentThisMonth } from './budget';
import { roundUsd } from './pricing';

export interface AnalysisQueueOptions {
  store: LibraryStore;
  settings: () => AiSettings;
  extraction: () => AttributeExtraction;
  now?: () => number;
  /** First wait before probing again after an outage; doubles up to 5 minutes. */
  holdRetryMs?: number;
  /** First backoff after throttling; doubles per throttle in a row. */
  backoffMs?: number;
}

interface QueueEvents {
  progress: [AnalysisProgress];
  analysed: [ExtractionOutcome[]];
}

type AnalysisRecord = AnalysisJob & JobRecord;

/** The store's analysis jobs, in the runner's terms (they all share one priority). */
function analysisRecords(store: LibraryStore): JobRecords<AnalysisRecord> {
  return {
    list: (states) => store.analysis.listAnalysisJobs(states).map((job) => ({ ...job, priority: 0 })),
    put: (jobs) => store.analysis.putAnalysisJobs(jobs.map(({ priority: _priority, ...job }) => job)),
    update: (id, patch) => store.analysis.updateAnalysisJob(id, patch),
    remove: (ids) => store.analysis.removeAnalysisJobs(ids),
  };
}

export class AnalysisQueue extends EventEmitter<QueueEvents> {
  private readonly runner: JobRunner<AnalysisRecord>;
  /** Hashes with a queued, running or waiting job, so an image is never queued twice. */
  private readonly activeHashes = new Map<string, string>();

  constructor(private readonly options: AnalysisQueueOptions) {
    super();
    const settings = options.settings;
    this.runner = new JobRunner(
      analysisRecords(options.store),
      (batch, signal) => this.analyse(batch, signal),
      {
        concurrency: () => settings().remoteConcurrency,
        batchSize: () => settings().designsPerCall,
        adaptive: true,
        backoffMs: options.backoffMs,
        holdRetryMs: options.holdRetryMs,
        gate: (batch) => this.storageGate() ?? this.budgetGate(batch),
        nameOf: (job) => job.name,
      },
      this.now,
    );
    this.runner.on('progress', () => this.emit('progress', this.progress()));
    this.runner.on('finished', (job) => this.activeHashes.delete(job.hash));
  }

  private get now(): () => number {
    return this.options.now ?? Date.now;
  }

  /** After a restart: what was running or waiting is queued again, and everything unfinished is picked up. */
  resume(): void {
    for (const job of this.options.store.analysis.listAnalysisJobs(['queued', 'running', 'waiting'])) {
      this.activeHashes.set(job.hash, job.id);
    }
    this.runner.resume();
  }

  /** Queues these assets for analysis; assets already queued, running or waiting are left as they are. */
  enqueue(assets: readonly Pick<Asset, 'hash' | 'locations'>[]): { batchId: string; queued: number } {
    const batchId = randomUUID();
    const at = this.now();
    const jobs: AnalysisRecord[] = assets
      .filter((asset) => !this.activeHashes.has(asset.hash))
      .map((asset) => ({
        id: randomUUID(),
        hash: asset.hash,
        name: path.basename(asset.locations[0]?.path ?? asset.hash),
        state: 'queued',
        reason: null,
        attempts: 0,
        priority: 0,
        batchId,
        enqueuedAt: at,
        finishedAt: null,
      }));
    for (const job of jobs) this.activeHashes.set(job.hash, job.id);
    return { batchId, queued: this.runner.enqueue(jobs) };
  }

  pause(): void {
    this.runner.pause();
  }

  /** Lifts a pause or an outage hold now (also after settings change: new credentials, a higher budget). */
  resumeNow(): void {
    this.runner.resumeNow();
  }

  /** Cancels waiting and queued jobs (of one batch, or all) and aborts the calls running for them. */
  cancel(batchId?: string): number {
    return this.runner.cancel((job) => !batchId || job.batchId === batchId);
  }

  /** Re-reads the settings: concurrency, and whether a budget hold still applies. */
  settingsChanged(): void {
    this.runner.policyChanged();
  }

  progress(): AnalysisProgress {
    const { counts, rate, etaSeconds, currentName, hold } = this.runner.progress();
    const settings = this.options.settings();
    const spent = spentThisMonth(this.options.store.analysis, this.now());
    return {
      ...counts,
      rate,
      etaSeconds,
      currentFile: currentName,
      paused: hold?.kind === 'paused',
      holdReason: hold?.reason ?? null,
      spentThisMonthUsd: roundUsd(spent),
      budgetUsd: settings.monthlyBudgetUsd,
      budgetState: budgetState(spent, settings.monthlyBudgetUsd),
    };
  }

  /** Resolves when no job is queued or running (jobs held as waiting count as settled). */
  settled(): Promise<void> {
    return this.runner.settled();
  }

  /** Aborts running calls (their jobs go back to the queue for the next run) and stops. */
  close(): Promise<void> {
    return this.runner.stop(true);
  }

  /** An answer that could not be recorded would be paid for again: no call while the library cannot be written. */
  private storageGate(): string | null {
    const { writable, message } = this.options.store.storage.status;
    return writable ? null : message;
  }

  /** The monthly budget, checked before each call; a batch kept back is logged as not sent. */
  private budgetGate(batch: AnalysisRecord[]): string | null {
    const settings = this.options.settings();
    const spent = spentThisMonth(this.options.store.analysis, this.now());
    if (spent < settings.monthlyBudgetUsd) return null;
    const reason = budgetMessage(spent, settings.monthlyBudgetUsd, this.options.store.analysis);
    this.options.extraction().keptBack(
      batch.map((job) => job.hash),
      settings,
      'budget',
      reason,
    );
    return reason;
  }

  private async analyse(batch: AnalysisRecord[], signal: AbortSignal): Promise<JobOutcome[]> {
    const assets = batch.map((job) => this.options.store.getAsset(job.hash));
    const live = assets.filter((asset): asset is Asset => asset !== undefined);
    let outcomes: ExtractionOutcome[] = [];
    try {
      if (live.length) outcomes = await this.options.extraction().run(live, this.options.settings(), signal);
    } catch (error) {
      throw error instanceof RemoteCallError ? new JobFailure(error.message, error.failure.action) : error;
    }
    if (outcomes.length) this.emit('analysed', outcomes);
    const byHash = new Map(outcomes.map((outcome) => [outcome.hash, outcome]));
    return batch.map((job): JobOutcome => {
      const outcome = byHash.get(job.hash);
      // Jobs whose image left the library in the meantime end here.
      if (!outcome) return { state: 'cancelled', reason: 'the image is no longer in the library' };
      return { state: outcome.state, reason: outcome.reason };
    });
  }
}

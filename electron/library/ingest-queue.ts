import os from 'node:os';
import { EventEmitter } from 'node:events';
import { StorageUnavailableError } from '../../shared/errors';
import type { FileError, IngestJob, IngestProgress } from '../../shared/model';
import { JobFailure, JobRunner, type JobOutcome, type JobRecord, type JobRecords } from '../jobs';
import { errnoOf, type LibraryStore } from '../store';
import type { IngestOutcome } from './ingest-file';

export const PRIORITY = { background: 0, changed: 5, visible: 10 } as const;

export interface IngestQueueEvents {
  progress: [IngestProgress];
  ingested: [string, IngestOutcome];
}

/** An ingest job as the runner sees it: the file's path is its id, its error the reason. */
type IngestRecord = JobRecord;

/** The store's ingest jobs, in the runner's terms. */
function ingestRecords(store: LibraryStore): JobRecords<IngestRecord> {
  const toRecord = (job: IngestJob): IngestRecord => ({
    id: job.path,
    state: job.state,
    reason: job.error,
    attempts: 0,
    priority: job.priority,
    enqueuedAt: job.enqueuedAt,
  });
  return {
    list: (states) => store.listJobs(states).map(toRecord),
    put: (jobs) =>
      store.putJobs(
        jobs.map((j) => ({
          path: j.id,
          state: j.state,
          priority: j.priority,
          enqueuedAt: j.enqueuedAt,
          error: j.reason,
        })),
      ),
    update: (id, patch) =>
      store.updateJob(id, {
        ...(patch.state && { state: patch.state }),
        ...(patch.reason !== undefined && { error: patch.reason }),
      }),
    remove: (ids) => store.removeJobs(ids),
  };
}

/**
 * The persisted ingest queue: one job per file on the shared job runner. Every job is a record in
 * the store before it runs, so a killed process resumes exactly where it stopped (see `resume`);
 * the records of done files are dropped once a run is over (the asset is the result).
 */
export class IngestQueue extends EventEmitter<IngestQueueEvents> {
  private readonly runner: JobRunner<IngestRecord>;
  /** Files being tried again after a read the machine failed. */
  private readonly retrying = new Set<string>();
  private readonly machineFailures = new Map<string, FileError>();

  constructor(
    store: LibraryStore,
    runJob: (filePath: string) => Promise<IngestOutcome>,
    // One more than the cores: while a file waits on the analysis worker, libvips decodes another.
    concurrency = os.availableParallelism() + 1,
    /** First pause before a file the machine failed to read is tried again (doubles per try; tests shorten it). */
    retryBackoffMs = 2000,
  ) {
    super();
    const work = async ([job]: IngestRecord[]): Promise<JobOutcome[]> => {
      const outcome = await runJob(job.id).catch((error: unknown) => this.unexpected(job.id, error));
      this.machineFailures.delete(job.id);
      this.emit('ingested', job.id, outcome);
      return [
        outcome.kind === 'failed' ? { state: 'failed', reason: outcome.reason } : { state: 'done', reason: null },
      ];
    };
    const policy = {
      concurrency: () => Math.max(1, concurrency),
      nameOf: (job: IngestRecord) => job.id,
      forgetDone: true,
      backoffMs: retryBackoffMs,
    };
    this.runner = new JobRunner(ingestRecords(store), work, policy);
    this.runner.on('progress', () => this.emit('progress', this.progress()));
    this.runner.on('finished', (job, outcome) => {
      if (outcome.state === 'failed' && this.retrying.has(job.id))
        this.machineFailures.set(job.id, {
          path: job.id,
          reason: outcome.reason ?? '',
          at: Date.now(),
          kind: 'environment',
        });
      this.retrying.delete(job.id);
    });
  }

  /**
   * A full disk or a vanished data folder holds the whole queue (the runner waits for writing to come
   * back); a read the machine failed (a share timed out, no file handles left) is tried again with a pause.
   * Neither is held against the file: it is not recorded as failed, and the next scan queues it again.
   */
  private unexpected(filePath: string, error: unknown): IngestOutcome {
    if (error instanceof StorageUnavailableError) throw error;
    const code = errnoOf(error);
    if (code) {
      this.retrying.add(filePath);
      throw new JobFailure(`could not read the file for now (${code}: ${(error as Error).message})`, 'retry');
    }
    return { kind: 'failed', reason: `unexpected error: ${(error as Error).message}` };
  }

  /** Files the machine failed to read even after retries (not the files' fault): they are read again at the next scan. */
  environmentFailures(): FileError[] {
    return [...this.machineFailures.values()];
  }

  /** Re-queues jobs a previous process left queued or running. Returns how many. */
  resume(): number {
    return this.runner.resume();
  }

  enqueue(paths: string[], priority: number = PRIORITY.background): void {
    const now = Date.now();
    this.runner.enqueue(
      paths.map((id) => ({ id, state: 'queued', reason: null, attempts: 0, priority, enqueuedAt: now })),
    );
  }

  /** Moves queued files to the front, e.g. the thumbnails the user is looking at. */
  prioritize(paths: string[]): void {
    this.runner.prioritize(paths, PRIORITY.visible);
  }

  progress(): IngestProgress {
    const { counts, total, rate, etaSeconds, currentName, hold } = this.runner.progress();
    const active = counts.queued + counts.running + counts.waiting;
    return {
      done: counts.done,
      failed: counts.failed + counts.cancelled,
      total,
      rate,
      etaSeconds,
      currentFile: active > 0 ? currentName : null,
      running: active > 0,
      waitingFor: active > 0 ? (hold?.reason ?? null) : null,
    };
  }

  /**
   * The machine has recovered (writing works again, a folder came back): every hold is lifted now rather
   * than at the runner's next probe, and the files it failed to read are queued again.
   */
  environmentRecovered(): void {
    this.runner.resumeNow();
    const failed = [...this.machineFailures.keys()];
    this.machineFailures.clear();
    if (failed.length > 0) this.enqueue(failed, PRIORITY.changed);
  }

  idle(): Promise<void> {
    return this.runner.settled();
  }

  pause(): void {
    this.runner.pause();
  }

  /** Stops taking new jobs and waits for running ones; queued jobs stay persisted for next time. */
  stop(): Promise<void> {
    return this.runner.stop();
  }
}

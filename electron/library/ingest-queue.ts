import os from 'node:os';
import { EventEmitter } from 'node:events';
import type { IngestJob, IngestProgress } from '../../shared/model';
import { JobRunner, type JobOutcome, type JobRecord, type JobRecords } from '../jobs';
import type { LibraryStore } from '../store';
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

  constructor(
    store: LibraryStore,
    runJob: (filePath: string) => Promise<IngestOutcome>,
    // One more than the cores: while a file waits on the analysis worker, libvips decodes another.
    concurrency = os.availableParallelism() + 1,
  ) {
    super();
    const work = async ([job]: IngestRecord[]): Promise<JobOutcome[]> => {
      const outcome = await runJob(job.id).catch((error: unknown) => ({
        kind: 'failed' as const,
        reason: `unexpected error: ${(error as Error).message}`,
      }));
      this.emit('ingested', job.id, outcome);
      return [
        outcome.kind === 'failed' ? { state: 'failed', reason: outcome.reason } : { state: 'done', reason: null },
      ];
    };
    const policy = {
      concurrency: () => Math.max(1, concurrency),
      nameOf: (job: IngestRecord) => job.id,
      forgetDone: true,
    };
    this.runner = new JobRunner(ingestRecords(store), work, policy);
    this.runner.on('progress', () => this.emit('progress', this.progress()));
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
    const { counts, total, rate, etaSeconds, currentName } = this.runner.progress();
    const active = counts.queued + counts.running + counts.waiting;
    return {
      done: counts.done,
      failed: counts.failed + counts.cancelled,
      total,
      rate,
      etaSeconds,
      currentFile: active > 0 ? currentName : null,
      running: active > 0,
    };
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

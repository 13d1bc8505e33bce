import os from 'node:os';
import { EventEmitter } from 'node:events';
import PQueue from 'p-queue';
import type { IngestProgress } from '../../shared/model';
import type { LibraryStore } from '../store';
import { ProgressMeter } from '../jobs';
import type { IngestOutcome } from './ingest-file';

export const PRIORITY = { background: 0, changed: 5, visible: 10 } as const;

export interface IngestQueueEvents {
  progress: [IngestProgress];
  ingested: [string, IngestOutcome];
}

/**
 * The persisted ingest queue. Every job is a record in the store before it runs and is
 * removed only after its result was recorded, so a killed process resumes exactly
 * where it stopped (see `resume`).
 */
export class IngestQueue extends EventEmitter<IngestQueueEvents> {
  private readonly queue: PQueue;
  private readonly pending = new Set<string>();
  private readonly meter = new ProgressMeter();

  constructor(
    private readonly store: LibraryStore,
    private readonly runJob: (filePath: string) => Promise<IngestOutcome>,
    // One more than the cores: while a file waits on the analysis worker, libvips decodes another.
    concurrency = os.availableParallelism() + 1,
  ) {
    super();
    this.queue = new PQueue({ concurrency: Math.max(1, concurrency) });
  }

  /** Re-queues jobs a previous process left queued or running. Returns how many. */
  resume(): number {
    const unfinished = this.store.listJobs(['queued', 'running']);
    for (const job of unfinished) this.schedule(job.path, job.priority);
    this.meter.addWork(unfinished.length);
    return unfinished.length;
  }

  enqueue(paths: string[], priority: number = PRIORITY.background): void {
    const fresh = paths.filter((p) => !this.pending.has(p));
    if (fresh.length === 0) return;
    const now = Date.now();
    this.store.putJobs(fresh.map((path) => ({ path, state: 'queued', priority, enqueuedAt: now, error: null })));
    for (const path of fresh) this.schedule(path, priority);
    this.meter.addWork(fresh.length);
    this.emitProgress();
  }

  /** Moves queued files to the front, e.g. the thumbnails the user is looking at. */
  prioritize(paths: string[]): void {
    for (const path of paths) {
      if (!this.pending.has(path)) continue;
      try {
        this.queue.setPriority(path, PRIORITY.visible);
      } catch {
        // Already running: nothing to reorder.
      }
    }
  }

  progress(): IngestProgress {
    return this.meter.snapshot();
  }

  async idle(): Promise<void> {
    await this.queue.onIdle();
  }

  pause(): void {
    this.queue.pause();
  }

  /** Stops taking new jobs and waits for running ones; queued jobs stay persisted for next time. */
  async stop(): Promise<void> {
    this.queue.pause();
    this.queue.clear();
    await this.queue.onPendingZero();
  }

  private schedule(path: string, priority: number): void {
    this.pending.add(path);
    void this.queue.add(() => this.run(path), { priority, id: path });
  }

  private async run(path: string): Promise<void> {
    this.meter.started(path);
    this.store.updateJob(path, { state: 'running' });
    this.emitProgress();
    let outcome: IngestOutcome;
    try {
      outcome = await this.runJob(path);
    } catch (error) {
      outcome = { kind: 'failed', reason: `unexpected error: ${(error as Error).message}` };
    }
    this.store.removeJobs([path]);
    this.pending.delete(path);
    this.meter.finished(outcome.kind !== 'failed');
    this.emit('ingested', path, outcome);
    this.emitProgress();
  }

  private emitProgress(): void {
    this.emit('progress', this.meter.snapshot());
  }
}

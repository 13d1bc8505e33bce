/**
 * The one runner for background work, after Immich's job queues: jobs are persisted records with one
 * state vocabulary (shared/model/jobs.ts), so a crash, a pause or an outage resumes where it stopped.
 * A kind of work supplies its records, its work function and its policy (concurrency, batch size,
 * retries, adaptive concurrency on throttling, a gate checked before each batch); the runner does the
 * scheduling, the state changes, holds with probing, pause, cancel and progress.
 */
import { EventEmitter } from 'node:events';
import { StorageUnavailableError } from '../../shared/errors';
import type { JobState } from '../../shared/model/jobs';
import {
  JobFailure,
  type Hold,
  type JobCounts,
  type JobOutcome,
  type JobPatch,
  type JobPolicy,
  type JobRecord,
  type JobRecords,
  type RunnerProgress,
  type WorkFunction,
} from './job-types';
import { PendingQueue } from './pending-queue';
import { ProgressMeter } from './progress-meter';

interface RunnerEvents<J> {
  progress: [];
  finished: [J, JobOutcome];
}

const MAX_BACKOFF_MS = 60_000;
/** Records dropped per store write, so no single journal entry grows huge. */
const FORGET_CHUNK = 5000;
const emptyCounts = (): JobCounts => ({ queued: 0, running: 0, waiting: 0, done: 0, failed: 0, cancelled: 0 });
const MAX_HOLD_RETRY_MS = 5 * 60_000;

export class JobRunner<J extends JobRecord> extends EventEmitter<RunnerEvents<J>> {
  private readonly pending = new PendingQueue();
  /** Every job of the current run by id, with its state as last written. */
  private readonly jobs = new Map<string, J>();
  /** How many of `jobs` are in each state, kept as they change: progress is read on every event. */
  private readonly counts: JobCounts = emptyCounts();
  private readonly running = new Map<string, AbortController>();
  private readonly meter: ProgressMeter;
  private batchesRunning = 0;
  private concurrency: number;
  private hold: Hold | null = null;
  private holdTimer: NodeJS.Timeout | null = null;
  private holdRetries = 0;
  private backoffUntil = 0;
  private backoffTimer: NodeJS.Timeout | null = null;
  private throttledInARow = 0;
  private currentName: string | null = null;
  private stopped = false;
  private readonly idleWaiters: (() => void)[] = [];
  /** Done jobs of this run whose records were already dropped. */
  private forgotten = 0;

  constructor(
    private readonly records: JobRecords<J>,
    private readonly work: WorkFunction<J>,
    private readonly policy: JobPolicy<J>,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.meter = new ProgressMeter(now);
    this.concurrency = Math.max(1, policy.concurrency());
  }

  /** After a restart: what was running or waiting is queued again. Returns how many jobs resume. */
  resume(): number {
    const unfinished = this.records.list(['queued', 'running', 'waiting']);
    for (const job of unfinished) {
      if (job.state !== 'queued') this.persist(() => this.records.update(job.id, { state: 'queued', reason: null }));
      this.track({ ...job, state: 'queued', reason: null });
    }
    this.meter.addWork(unfinished.length);
    this.changed();
    return unfinished.length;
  }

  /** Queues new jobs; ids already queued, running or waiting are left as they are. Returns how many were added. */
  enqueue(jobs: J[]): number {
    if (this.activeCount() === 0) this.startNewRun();
    const fresh = jobs.filter((job) => !this.isActive(job.id));
    if (fresh.length === 0) return 0;
    const state: JobState = this.hold ? 'waiting' : 'queued';
    const reason = this.hold?.reason ?? null;
    const records = fresh.map((job) => ({ ...job, state, reason }));
    this.persist(() => this.records.put(records));
    for (const job of records) this.track(job);
    this.meter.addWork(records.length);
    // A new run is worth a try now rather than at the next scheduled probe of an outage.
    if (this.hold?.kind === 'unreachable') this.resumeNow();
    this.changed();
    return records.length;
  }

  /** Moves queued jobs to another priority (e.g. what the user is looking at). */
  prioritize(ids: readonly string[], priority: number): void {
    for (const id of ids) {
      const job = this.jobs.get(id);
      if (!job || !this.isActive(id) || job.state === 'running') continue;
      this.jobs.set(id, { ...job, priority });
      this.pending.setPriority(id, priority);
    }
  }

  pause(): void {
    this.setHold({ kind: 'paused', reason: 'paused by you' });
  }

  /** Lifts a pause, a gate or an outage hold now (also after settings change). */
  resumeNow(): void {
    this.holdRetries = 0;
    this.setHold(null);
  }

  /** Re-reads the policy: concurrency, and whether a hold other than a pause still applies. */
  policyChanged(): void {
    this.concurrency = Math.max(1, this.policy.concurrency());
    if (this.hold && this.hold.kind !== 'paused') this.resumeNow();
    else this.changed();
  }

  /** Cancels active jobs (those the filter picks, or all) and aborts running calls. Returns how many. */
  cancel(filter: (job: J) => boolean = () => true, reason = 'cancelled by you'): number {
    const targets = [...this.jobs.values()].filter((job) => this.isActive(job.id) && filter(job));
    for (const job of targets) {
      this.running.get(job.id)?.abort();
      this.finish(job, { state: 'cancelled', reason });
    }
    this.changed();
    return targets.length;
  }

  progress(): RunnerProgress {
    const counts = { ...this.counts };
    const { rate } = this.meter.snapshot();
    const remaining = counts.queued + counts.running + counts.waiting;
    return {
      counts,
      total: this.jobs.size,
      rate,
      etaSeconds: remaining === 0 ? 0 : rate > 0 && !this.hold ? remaining / rate : null,
      currentName: this.currentName,
      hold: this.hold,
      concurrency: this.concurrency,
    };
  }

  /** Resolves when nothing is queued or running (jobs held as waiting count as settled). */
  settled(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops starting batches. `abort` also aborts running calls (their jobs go back to the queue);
   * without it running batches finish. Queued jobs stay persisted for the next process.
   */
  async stop(abort = false): Promise<void> {
    this.stopped = true;
    for (const timer of [this.holdTimer, this.backoffTimer]) if (timer) clearTimeout(timer);
    if (abort) for (const controller of this.running.values()) controller.abort();
    while (this.batchesRunning > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private startNewRun(): void {
    const finished = [...this.jobs.keys()];
    this.jobs.clear();
    Object.assign(this.counts, emptyCounts());
    this.forgotten = 0;
    // Records of an earlier run's finished jobs are dropped when a new run starts (Immich keeps a window too).
    if (!this.records.remove) return;
    const stale = this.records.list(['done', 'failed', 'cancelled']).map((job) => job.id);
    if (stale.length || finished.length)
      this.persist(() => this.records.remove?.([...new Set([...stale, ...finished])]));
  }

  private forgetDoneRecords(): void {
    const done = [...this.jobs.values()].filter((job) => job.state === 'done').map((job) => job.id);
    for (let i = this.forgotten; i < done.length; i += FORGET_CHUNK)
      this.persist(() => this.records.remove?.(done.slice(i, i + FORGET_CHUNK)));
    this.forgotten = done.length;
  }

  private track(job: J, place: 'back' | 'front' = 'back'): void {
    const before = this.jobs.get(job.id);
    if (before) this.counts[before.state]--;
    this.counts[job.state]++;
    this.jobs.set(job.id, job);
    if (job.state !== 'queued') this.pending.remove(job.id);
    else if (place === 'front') this.pending.unshift(job.id, job.priority);
    else this.pending.push(job.id, job.priority);
  }

  private isActive(id: string): boolean {
    const state = this.jobs.get(id)?.state;
    return state === 'queued' || state === 'running' || state === 'waiting';
  }

  private activeCount(): number {
    return this.counts.queued + this.counts.running + this.counts.waiting;
  }

  private isSettled(): boolean {
    return this.batchesRunning === 0 && (this.pending.size === 0 || this.hold !== null || this.stopped);
  }

  private write(job: J, patch: JobPatch & { state: JobState }): void {
    this.persist(() => this.records.update(job.id, patch));
    this.track({ ...job, ...patch });
  }

  /**
   * Writes a job record. While the library cannot be written (a full disk) the runner goes on from
   * memory: the record on disk stays at its last state, which a restart resumes from (a job recorded
   * as running is queued again; doing a done job twice changes nothing).
   */
  private persist(write: () => void): void {
    try {
      write();
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
    }
  }

  private pump(): void {
    if (this.stopped || this.hold) return;
    const wait = this.backoffUntil - this.now();
    if (wait > 0) {
      this.backoffTimer ??= setTimeout(() => {
        this.backoffTimer = null;
        this.pump();
      }, wait);
      return;
    }
    while (this.batchesRunning < this.concurrency && this.pending.size > 0) {
      const batch = this.pending.take(this.policy.batchSize?.() ?? 1).map((id) => this.jobs.get(id)!);
      const gate = this.policy.gate?.(batch) ?? null;
      if (gate) {
        for (const job of [...batch].reverse()) this.pending.unshift(job.id, job.priority);
        return this.setHold({ kind: 'gate', reason: gate });
      }
      void this.runBatch(batch);
    }
  }

  private async runBatch(batch: J[]): Promise<void> {
    const controller = new AbortController();
    this.batchesRunning++;
    for (const job of batch) {
      this.running.set(job.id, controller);
      this.write(job, { state: 'running', reason: null });
    }
    this.currentName = this.policy.nameOf(batch[0]);
    this.emit('progress');
    try {
      const outcomes = await this.work(
        batch.map((job) => this.jobs.get(job.id)!),
        controller.signal,
      );
      batch.forEach((job, i) => this.isRunning(job.id) && this.finish(this.jobs.get(job.id)!, outcomes[i]));
      this.succeeded();
    } catch (error) {
      const still = batch.filter((job) => this.isRunning(job.id)).map((job) => this.jobs.get(job.id)!);
      if (controller.signal.aborted) this.release(still);
      else this.failed(still, error);
    } finally {
      for (const job of batch) this.running.delete(job.id);
      this.batchesRunning--;
      this.currentName = null;
      this.changed();
    }
  }

  private isRunning(id: string): boolean {
    return this.jobs.get(id)?.state === 'running';
  }

  private failed(jobs: J[], error: unknown): void {
    if (error instanceof StorageUnavailableError) {
      // Nothing is wrong with these jobs: every job waits until the library can be written again.
      this.release(jobs);
      return this.setHold({ kind: 'storage', reason: error.message });
    }
    if (!(error instanceof JobFailure)) {
      for (const job of jobs)
        this.finish(job, { state: 'failed', reason: `unexpected error: ${(error as Error)?.message}` });
      return;
    }
    if (error.action === 'fail') {
      for (const job of jobs) this.finish(job, { state: 'failed', reason: error.message });
    } else if (error.action === 'hold') {
      this.release(jobs);
      this.setHold({ kind: 'unreachable', reason: error.message });
    } else {
      if (error.action === 'throttle') this.throttled();
      else this.backOff(this.policy.backoffMs ?? 2000);
      this.retry(jobs, error);
    }
  }

  private retry(jobs: J[], error: JobFailure): void {
    const maxAttempts = this.policy.maxAttempts ?? 4;
    for (const job of [...jobs].reverse()) {
      const attempts = job.attempts + 1;
      if (attempts >= maxAttempts && error.action === 'retry') {
        this.finish(
          { ...job, attempts },
          { state: 'failed', reason: `${error.message} (gave up after ${attempts} tries)` },
        );
        continue;
      }
      this.persist(() => this.records.update(job.id, { state: 'queued', attempts, reason: error.message }));
      this.track({ ...job, state: 'queued', attempts, reason: error.message }, 'front');
    }
  }

  /** Multiplicative decrease: half the calls at once, and a doubling pause with jitter. */
  private throttled(): void {
    this.throttledInARow++;
    if (this.policy.adaptive) this.concurrency = Math.max(1, Math.floor(this.concurrency / 2));
    this.backOff((this.policy.backoffMs ?? 2000) * 2 ** (this.throttledInARow - 1));
  }

  /** Additive increase back towards the configured concurrency. */
  private succeeded(): void {
    this.throttledInARow = 0;
    if (this.policy.adaptive) this.concurrency = Math.min(Math.max(1, this.policy.concurrency()), this.concurrency + 1);
  }

  private backOff(ms: number): void {
    const jittered = Math.min(MAX_BACKOFF_MS, ms) * (0.5 + Math.random() / 2);
    this.backoffUntil = Math.max(this.backoffUntil, this.now() + jittered);
  }

  private setHold(hold: Hold | null): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    this.hold = hold;
    const [from, to]: JobState[] = hold ? ['queued', 'waiting'] : ['waiting', 'queued'];
    for (const job of [...this.jobs.values()]) {
      if (job.state === from) this.write(job, { state: to, reason: hold?.reason ?? null });
    }
    if ((hold?.kind === 'unreachable' || hold?.kind === 'storage') && !this.stopped) {
      const delay = Math.min(MAX_HOLD_RETRY_MS, (this.policy.holdRetryMs ?? 30_000) * 2 ** this.holdRetries++);
      this.holdTimer = setTimeout(() => this.setHold(null), delay);
    }
    this.changed();
  }

  /** Back to the queue (or waiting, under a hold) without counting an attempt. */
  private release(jobs: J[]): void {
    for (const job of jobs)
      this.write(job, { state: this.hold ? 'waiting' : 'queued', reason: this.hold?.reason ?? null });
  }

  private finish(job: J, outcome: JobOutcome): void {
    this.pending.remove(job.id);
    this.write(job, { state: outcome.state, reason: outcome.reason, attempts: job.attempts, finishedAt: this.now() });
    this.meter.finished(outcome.state === 'done');
    this.emit('finished', this.jobs.get(job.id)!, outcome);
  }

  private changed(): void {
    this.pump();
    if (this.policy.forgetDone && this.activeCount() === 0 && this.counts.done > this.forgotten)
      this.forgetDoneRecords();
    this.emit('progress');
    if (this.isSettled()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

/**
 * The persisted queue of remote analysis jobs. Jobs are store records (queued → running →
 * done | failed | cancelled, or waiting while remote work is held), so a crash, a pause or
 * an outage resumes where it stopped. Calls run a batch of designs at a time, with their own
 * concurrency limit that halves on throttling and creeps back up on success (AIMD), and
 * backoff with jitter. When nothing can work (offline, no credentials, no model access,
 * budget reached) every job waits, and the queue probes again later or when settings change.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import PQueue from 'p-queue';
import type { AiSettings, AnalysisJob, AnalysisProgress } from '../../shared/model/ai';
import type { Asset } from '../../shared/model/asset';
import type { LibraryStore } from '../store';
import { ProgressMeter } from '../jobs';
import { RemoteCallError, type AttributeExtraction, type ExtractionOutcome } from './attribute-extraction';
import { budgetMessage, budgetState, spentThisMonth } from './budget';
import { roundUsd } from './pricing';

const MAX_ATTEMPTS = 4;
const MAX_BACKOFF_MS = 60_000;
const MAX_HOLD_RETRY_MS = 5 * 60_000;
const DEFAULT_BACKOFF_MS = 2000;

export type HoldKind = 'paused' | 'budget' | 'unreachable';

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

export class AnalysisQueue extends EventEmitter<QueueEvents> {
  private readonly pq: PQueue;
  private readonly running = new Map<string, AbortController>();
  private readonly meter: ProgressMeter;
  private hold: { kind: HoldKind; reason: string } | null = null;
  private holdTimer: NodeJS.Timeout | null = null;
  private holdRetries = 0;
  private backoffUntil = 0;
  private backoffTimer: NodeJS.Timeout | null = null;
  private throttledInARow = 0;
  private currentName: string | null = null;
  private closed = false;

  constructor(private readonly options: AnalysisQueueOptions) {
    super();
    this.meter = new ProgressMeter(this.now);
    this.pq = new PQueue({ concurrency: options.settings().remoteConcurrency });
    // 'next' fires once a finished batch has freed its slot (while it runs it still counts as pending).
    this.pq.on('next', () => this.pump());
  }

  private get now(): () => number {
    return this.options.now ?? Date.now;
  }

  private get backoffMs(): number {
    return this.options.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  private get store(): LibraryStore {
    return this.options.store;
  }

  /** After a restart: what was running is queued again, and everything unfinished is picked up. */
  resume(): void {
    const unfinished = this.store.listAnalysisJobs(['queued', 'running', 'waiting']);
    for (const job of unfinished)
      if (job.state !== 'queued') this.store.updateAnalysisJob(job.id, { state: 'queued', reason: null });
    this.meter.addWork(unfinished.length);
    this.pump();
  }

  /** Queues these assets for analysis; assets already queued or running are left as they are. */
  enqueue(assets: readonly Pick<Asset, 'hash' | 'locations'>[]): { batchId: string; queued: number } {
    const active = new Set(this.store.listAnalysisJobs(['queued', 'running', 'waiting']).map((j) => j.hash));
    if (active.size === 0) this.store.removeAnalysisJobs(this.store.listAnalysisJobs().map((j) => j.id));
    const batchId = randomUUID();
    const at = this.now();
    const jobs: AnalysisJob[] = assets
      .filter((a) => !active.has(a.hash))
      .map((a) => ({
        id: randomUUID(),
        hash: a.hash,
        name: path.basename(a.locations[0]?.path ?? a.hash),
        state: this.hold ? 'waiting' : 'queued',
        reason: this.hold?.reason ?? null,
        attempts: 0,
        batchId,
        enqueuedAt: at,
        finishedAt: null,
      }));
    if (jobs.length) this.store.putAnalysisJobs(jobs);
    this.meter.addWork(jobs.length);
    // A new run is worth a try now rather than at the next scheduled probe of an outage.
    if (jobs.length && this.hold?.kind === 'unreachable') this.resumeNow();
    this.pump();
    this.emitProgress();
    return { batchId, queued: jobs.length };
  }

  pause(): void {
    this.setHold({ kind: 'paused', reason: 'paused by you' });
  }

  /** Lifts a pause or an outage hold now (also after settings change: new credentials, a higher budget). */
  resumeNow(): void {
    this.holdRetries = 0;
    this.setHold(null);
  }

  /** Cancels waiting and queued jobs (of one batch, or all) and aborts the calls running for them. */
  cancel(batchId?: string): number {
    const targets = this.store
      .listAnalysisJobs(['queued', 'waiting', 'running'])
      .filter((j) => !batchId || j.batchId === batchId);
    for (const job of targets) {
      this.running.get(job.id)?.abort();
      this.finish(job, 'cancelled', 'cancelled by you');
    }
    this.emitProgress();
    return targets.length;
  }

  /** Re-reads the settings: concurrency, and whether a budget hold still applies. */
  settingsChanged(): void {
    this.pq.concurrency = this.options.settings().remoteConcurrency;
    if (this.hold && this.hold.kind !== 'paused') this.resumeNow();
    else this.pump();
  }

  progress(): AnalysisProgress {
    const counts = { queued: 0, running: 0, waiting: 0, done: 0, failed: 0, cancelled: 0 };
    for (const job of this.store.listAnalysisJobs()) counts[job.state]++;
    const settings = this.options.settings();
    const spent = spentThisMonth(this.store, this.now());
    const { rate } = this.meter.snapshot();
    const remaining = counts.queued + counts.running + counts.waiting;
    return {
      ...counts,
      rate,
      etaSeconds: remaining === 0 ? 0 : rate > 0 && !this.hold ? remaining / rate : null,
      currentFile: this.currentName,
      paused: this.hold?.kind === 'paused',
      holdReason: this.hold?.reason ?? null,
      spentThisMonthUsd: roundUsd(spent),
      budgetUsd: settings.monthlyBudgetUsd,
      budgetState: budgetState(spent, settings.monthlyBudgetUsd),
    };
  }

  /** Resolves when no job is queued or running (jobs held as waiting count as settled). */
  async settled(): Promise<void> {
    for (;;) {
      await this.pq.onIdle();
      const active = this.store.listAnalysisJobs(['queued', 'running']).length;
      if (active === 0 || this.hold) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of [this.holdTimer, this.backoffTimer]) if (timer) clearTimeout(timer);
    this.pq.clear();
    for (const controller of this.running.values()) controller.abort();
    await this.pq.onIdle();
  }

  private pump(): void {
    if (this.closed || this.hold) return;
    const wait = this.backoffUntil - this.now();
    if (wait > 0) {
      this.backoffTimer ??= setTimeout(() => {
        this.backoffTimer = null;
        this.pump();
      }, wait);
      return;
    }
    const perCall = this.options.settings().designsPerCall;
    const queued = this.store
      .listAnalysisJobs(['queued'])
      .filter((j) => !this.running.has(j.id))
      .sort((a, b) => a.enqueuedAt - b.enqueuedAt);
    while (queued.length && this.pq.size + this.pq.pending < this.pq.concurrency) {
      const batch = queued.splice(0, perCall);
      const controller = new AbortController();
      for (const job of batch) {
        this.running.set(job.id, controller);
        this.store.updateAnalysisJob(job.id, { state: 'running', reason: null });
      }
      void this.pq.add(() => this.runBatch(batch, controller));
    }
  }

  private async runBatch(batch: AnalysisJob[], controller: AbortController): Promise<void> {
    try {
      const settings = this.options.settings();
      const spent = spentThisMonth(this.store, this.now());
      if (spent >= settings.monthlyBudgetUsd) {
        const reason = budgetMessage(spent, settings.monthlyBudgetUsd);
        this.options.extraction().keptBack(
          batch.map((job) => job.hash),
          settings,
          'budget',
          reason,
        );
        this.release(batch);
        this.setHold({ kind: 'budget', reason });
        return;
      }
      await this.analyse(this.withAssets(batch), settings, controller);
    } finally {
      for (const job of batch) this.running.delete(job.id);
      this.currentName = null;
      this.emitProgress();
    }
  }

  private async analyse(
    live: { job: AnalysisJob; asset: Asset }[],
    settings: AiSettings,
    controller: AbortController,
  ): Promise<void> {
    this.currentName = live[0]?.job.name ?? null;
    this.emitProgress();
    try {
      const outcomes = await this.options.extraction().run(
        live.map((l) => l.asset),
        settings,
        controller.signal,
      );
      live.forEach(({ job }, i) => this.finish(job, outcomes[i].state, outcomes[i].reason));
      this.succeeded(settings);
      this.emit('analysed', outcomes);
    } catch (error) {
      if (controller.signal.aborted) this.releaseStillRunning(live.map((l) => l.job));
      else
        this.failed(
          live.map((l) => l.job),
          error,
        );
    }
  }

  /** Jobs whose image left the library in the meantime end here. */
  private withAssets(batch: AnalysisJob[]): { job: AnalysisJob; asset: Asset }[] {
    const live: { job: AnalysisJob; asset: Asset }[] = [];
    for (const job of batch) {
      const asset = this.store.getAsset(job.hash);
      if (asset) live.push({ job, asset });
      else this.finish(job, 'cancelled', 'the image is no longer in the library');
    }
    return live;
  }

  private failed(jobs: AnalysisJob[], error: unknown): void {
    if (!(error instanceof RemoteCallError)) {
      for (const job of jobs) this.finish(job, 'failed', `unexpected error: ${(error as Error).message}`);
      return;
    }
    const { action, message } = error.failure;
    if (action === 'fail') {
      for (const job of jobs) this.finish(job, 'failed', message);
    } else if (action === 'hold') {
      this.release(jobs);
      this.setHold({ kind: 'unreachable', reason: message });
    } else {
      if (action === 'throttle') this.throttled();
      else this.backOff(this.backoffMs);
      for (const job of jobs) {
        const attempts = job.attempts + 1;
        if (attempts >= MAX_ATTEMPTS && action === 'retry')
          this.finish({ ...job, attempts }, 'failed', `${message} (gave up after ${attempts} tries)`);
        else this.store.updateAnalysisJob(job.id, { state: 'queued', attempts, reason: message });
      }
    }
  }

  /** Multiplicative decrease: half the calls at once, and a doubling pause with jitter. */
  private throttled(): void {
    this.throttledInARow++;
    this.pq.concurrency = Math.max(1, Math.floor(this.pq.concurrency / 2));
    this.backOff(this.backoffMs * 2 ** (this.throttledInARow - 1));
  }

  /** Additive increase back towards the configured concurrency. */
  private succeeded(settings: AiSettings): void {
    this.throttledInARow = 0;
    this.pq.concurrency = Math.min(settings.remoteConcurrency, this.pq.concurrency + 1);
  }

  private backOff(ms: number): void {
    const jittered = Math.min(MAX_BACKOFF_MS, ms) * (0.5 + Math.random() / 2);
    this.backoffUntil = Math.max(this.backoffUntil, this.now() + jittered);
  }

  private setHold(hold: { kind: HoldKind; reason: string } | null): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    this.hold = hold;
    const [from, to] = hold ? (['queued', 'waiting'] as const) : (['waiting', 'queued'] as const);
    for (const job of this.store.listAnalysisJobs([from]))
      this.store.updateAnalysisJob(job.id, { state: to, reason: hold?.reason ?? null });
    if (hold?.kind === 'unreachable' && !this.closed) {
      const delay = Math.min(MAX_HOLD_RETRY_MS, (this.options.holdRetryMs ?? 30_000) * 2 ** this.holdRetries++);
      this.holdTimer = setTimeout(() => this.setHold(null), delay);
    }
    this.emitProgress();
    this.pump();
  }

  /** Back to the queue (or waiting, under a hold) without counting an attempt. */
  private release(jobs: AnalysisJob[]): void {
    for (const job of jobs)
      this.store.updateAnalysisJob(job.id, {
        state: this.hold ? 'waiting' : 'queued',
        reason: this.hold?.reason ?? null,
      });
  }

  /** After an abort: jobs a cancel has not already finished go back to the queue. */
  private releaseStillRunning(jobs: AnalysisJob[]): void {
    const running = new Set(this.store.listAnalysisJobs(['running']).map((j) => j.id));
    this.release(jobs.filter((job) => running.has(job.id)));
  }

  private finish(job: AnalysisJob, state: 'done' | 'failed' | 'cancelled', reason: string | null): void {
    this.store.updateAnalysisJob(job.id, { state, reason, attempts: job.attempts, finishedAt: this.now() });
    this.meter.finished(state === 'done');
  }

  private emitProgress(): void {
    this.emit('progress', this.progress());
  }
}

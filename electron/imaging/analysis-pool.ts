/**
 * Raster analysis off the main thread. The analysis is plain JavaScript (~10 ms an image)
 * while decoding and encoding run on libvips's threads; on the main thread it also held up
 * everything else there (reading and hashing files, starting decodes, recording results,
 * and in the app the IPC), so an ingest used little more than one core.
 *
 * The worker runs from source under tsx (tests, CLI) or as its own bundle beside the main
 * bundle (the app; see electron.vite.config.ts). If it cannot start, or dies, the analysis
 * runs on this thread from then on: slower, never lost.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { LocalAnalysis } from '../../shared/model/asset';
import { analysePart, analyseWholeImage, type AnalyzeOptions, type Raster, type WholeImageAnalysis } from '../pixels';

/** The whole image (analysis, sheet regions, pHash, vector) or a part of it (a sheet region, a tile). */
export interface AnalysisTask {
  kind: 'whole' | 'part';
  raster: Raster;
  opts: AnalyzeOptions;
}

type AnalysisResult = WholeImageAnalysis | LocalAnalysis;

/** A worker's messages: that it has loaded and can take tasks, then one answer per task. */
export type AnalysisReply = { ready: true } | { ok: true; result: AnalysisResult } | { ok: false; error: string };

/** How to start a worker: the script (a file URL, or code with `eval`) and its options. */
export interface WorkerEntry {
  script: string | URL;
  options: WorkerOptions;
}

interface Job {
  task: AnalysisTask;
  resolve: (value: AnalysisResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Loaded: it said so, and takes tasks from then on. */
  ready: boolean;
  job: Job | null;
}

/**
 * Under tsx the worker is the .ts beside this file, loaded through tsx's loader (a worker
 * does not inherit it on Node 20); in the app, the .js the build writes beside the main
 * bundle. null when neither exists.
 */
export function defaultWorkerEntry(): WorkerEntry | null {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './analysis-worker.ts' : './analysis-worker.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return null;
  if (!fromSource) return { script: url, options: {} };
  // Dynamic imports only: eval code runs as CommonJS or, under --input-type=module, as a module.
  const script =
    'import("node:worker_threads").then(({ workerData: d }) => import(d.tsx)' +
    '.then((tsx) => { tsx.register(); return import(d.entry); }));';
  const workerData = { tsx: import.meta.resolve('tsx/esm/api'), entry: url.href };
  return { script, options: { eval: true, execArgv: [], workerData } };
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  /** warmUp() calls waiting for a worker to load. */
  private readonly waiters: (() => void)[] = [];

  /** `entry` null: no workers, everything runs on this thread. */
  constructor(
    private readonly size: number,
    private entry: WorkerEntry | null,
  ) {}

  analyseWholeImage(raster: Raster, opts: AnalyzeOptions): Promise<WholeImageAnalysis> {
    return this.submit({ kind: 'whole', raster, opts }) as Promise<WholeImageAnalysis>;
  }

  /** A sheet region or a tile. */
  analysePart(raster: Raster, opts: AnalyzeOptions): Promise<LocalAnalysis> {
    return this.submit({ kind: 'part', raster, opts }) as Promise<LocalAnalysis>;
  }

  /** Starts the workers now, rather than on the first task; resolves once one can take tasks (or there will be none). */
  warmUp(): Promise<void> {
    if (this.entry === null || this.size < 1) return Promise.resolve();
    while (this.slots.length < this.size && this.entry !== null) this.start(this.entry);
    if (this.entry === null || this.slots.some((s) => s.ready)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Ends the workers; tasks they were running, and later ones, go to new workers. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const slot of slots) if (slot.job) this.queue.unshift(slot.job);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    this.dispatch();
  }

  private submit(task: AnalysisTask): Promise<AnalysisResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.idleSlot();
      if (slot === 'busy') return;
      const job = this.queue.shift()!;
      if (slot === null) {
        // Asynchronously, like a worker's answer, so callers see one behaviour.
        setImmediate(() => runHere(job));
        continue;
      }
      slot.job = job;
      // A worker keeps the process alive only while it has work.
      slot.worker.ref();
      // The pixels travel as a copy whose buffer is moved, not cloned: the caller keeps its raster.
      const data = job.task.raster.data.slice();
      slot.worker.postMessage({ ...job.task, raster: { ...job.task.raster, data } }, [data.buffer]);
    }
  }

  /**
   * An idle worker; 'busy' when every worker has a task or is still loading (tasks wait: doing
   * them here meanwhile measured slower, as both threads then warm up the analyzer); null to
   * run the task here, when there are no workers.
   */
  private idleSlot(): Slot | 'busy' | null {
    if (this.entry !== null && this.slots.length < this.size) this.start(this.entry);
    if (this.entry === null || this.size < 1) return null;
    return this.slots.find((s) => s.ready && s.job === null) ?? 'busy';
  }

  /** Starts a worker; when one cannot be made, there will be no more. */
  private start(entry: WorkerEntry): void {
    let worker: Worker;
    try {
      worker = new Worker(entry.script, entry.options);
    } catch (error) {
      this.giveUp((error as Error).message);
      return;
    }
    const slot: Slot = { worker, ready: false, job: null };
    slot.worker.on('message', (reply: AnalysisReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        // Loading holds the process open (briefly); an idle worker must not.
        slot.worker.unref();
        for (const waiter of this.waiters.splice(0)) waiter();
      } else {
        const { job } = slot;
        slot.job = null;
        slot.worker.unref();
        if (reply.ok) job?.resolve(reply.result);
        else job?.reject(new Error(reply.error));
      }
      this.dispatch();
    });
    slot.worker.on('error', (error) => this.lose(slot, error.message));
    slot.worker.on('exit', (code) => this.lose(slot, `exited with code ${code}`));
    this.slots.push(slot);
  }

  /** A worker that failed to start or died: its task and all later ones run on this thread. */
  private lose(slot: Slot, reason: string): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (slot.job) this.queue.unshift(slot.job);
    slot.job = null;
    this.giveUp(reason);
    this.dispatch();
  }

  /** No more workers: the others' tasks are taken back, to run here with the rest. */
  private giveUp(reason: string): void {
    if (this.entry === null) return;
    console.warn(`swatchbook: analysis worker unavailable (${reason}); analysing on the main thread`);
    this.entry = null;
    for (const waiter of this.waiters.splice(0)) waiter();
    for (const other of this.slots.splice(0)) {
      if (other.job) this.queue.unshift(other.job);
      void other.worker.terminate();
    }
  }
}

function runHere(job: Job): void {
  try {
    const { task } = job;
    job.resolve(
      task.kind === 'whole' ? analyseWholeImage(task.raster, task.opts) : analysePart(task.raster, task.opts),
    );
  } catch (error) {
    job.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

let shared: AnalysisPool | null = null;

/**
 * The process's pool: a worker per core but one, which the main thread and libvips share
 * (one worker on two cores measured best; two fought libvips for the cores).
 */
export function analysisPool(): AnalysisPool {
  if (!shared) {
    const entry = defaultWorkerEntry();
    if (!entry) console.warn('swatchbook: analysis worker not found beside the bundle; analysing on the main thread');
    shared = new AnalysisPool(Math.max(1, os.availableParallelism() - 1), entry);
  }
  return shared;
}

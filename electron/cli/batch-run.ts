/**
 * The CLI's batch pass: the folder's images as one Bedrock batch job, followed with a progress bar until it
 * ends (or, with --no-wait, left for the app or the next run to follow: the job is kept with its ARN).
 * Records without a valid answer then go through the on-demand queue, as in the app.
 */
import type { Asset } from '../../shared/model/asset';
import type { BatchJob } from '../../shared/model/batch';
import type { Engine } from '../engine';
import { ProgressBar, type BarProgress } from './progress-bar';

/** SWATCHBOOK_BATCH_POLL_MS: how often a batch job is asked about (a minute unless a script wants it sooner). */
export function batchTiming(env: NodeJS.ProcessEnv): { batchPollMs?: number } {
  const ms = Number(env.SWATCHBOOK_BATCH_POLL_MS);
  return Number.isFinite(ms) && ms > 0 ? { batchPollMs: ms } : {};
}

export interface BatchRunOptions {
  wait: boolean;
}

/** Runs the job; returns the lines to print and whether it ended as the user asked (done, not failed). */
export async function analyseInBatch(
  engine: Engine,
  assets: readonly Asset[],
  options: BatchRunOptions,
): Promise<{ lines: string[]; ok: boolean }> {
  const { analysis } = engine;
  const offer = analysis.batch.offer(assets);
  const started = analysis.batch.start(assets);
  const lines = [
    `Batch job ${started.name}: ${started.records} images at ≈ $${offer.costUsd.toFixed(4)} ` +
      `(on demand ≈ $${offer.onDemandUsd.toFixed(4)}; saves $${offer.savingUsd.toFixed(4)}).`,
    `Input and output: ${started.s3Uri}`,
  ];
  const bar = new ProgressBar('Batch job', 'images');
  const ended = new Promise<BatchJob>((resolve) => {
    const onChange = (job: BatchJob) => {
      if (job.id !== started.id) return;
      bar.update(asBar(job));
      const submitted = job.jobArn !== null && !options.wait;
      if (job.stage === 'finished' || submitted) {
        analysis.batch.off('changed', onChange);
        resolve(job);
      }
    };
    analysis.batch.on('changed', onChange);
  });
  const job = await ended;
  bar.stop();
  if (job.stage !== 'finished') {
    lines.push(
      `Submitted as ${job.jobArn}; the app, or the next run of this command, reads the answers back when it ends.`,
    );
    return { lines, ok: true };
  }
  lines.push(`Batch job ${job.state}: ${job.message ?? ''} Cost $${job.costUsd.toFixed(4)}.`);
  if (job.retried) {
    await analysis.queue.settled();
    const progress = analysis.queue.progress();
    lines.push(`On demand: ${progress.done} analysed, ${progress.failed} failed, ${progress.waiting} waiting.`);
  }
  return { lines, ok: job.state === 'done' };
}

/**
 * Jobs an earlier run submitted (--no-wait, or interrupted) are followed again; with `wait`, until they end.
 * Returns a line per job that ended.
 */
export async function followEarlierJobs(engine: Engine, wait: boolean): Promise<string[]> {
  const { batch } = engine.analysis;
  batch.resume();
  const active = batch.list().filter((job) => job.stage !== 'finished');
  if (!wait || active.length === 0) return [];
  const ids = new Set(active.map((job) => job.id));
  await new Promise<void>((resolve) => {
    const onChange = (job: BatchJob) => {
      if (ids.has(job.id) && job.stage === 'finished') ids.delete(job.id);
      if (ids.size > 0) return;
      batch.off('changed', onChange);
      resolve();
    };
    batch.on('changed', onChange);
  });
  return batch
    .list()
    .filter((job) => active.some((earlier) => earlier.id === job.id))
    .map((job) => `Earlier batch job ${job.name} ${job.state}: ${job.message ?? ''}`);
}

/** Preparing counts records written; at Bedrock, records Bedrock has processed. */
function asBar(job: BatchJob): BarProgress {
  const preparing = job.stage === 'preparing';
  const seconds = Math.max(0.001, (job.updatedAt - job.submittedAt) / 1000);
  const rate = preparing ? job.prepared / seconds : 0;
  return {
    done: preparing ? job.prepared : job.processed,
    failed: 0,
    total: job.records,
    rate,
    etaSeconds: preparing && rate > 0 ? (job.records - job.prepared) / rate : null,
    currentFile: job.bedrockStatus ?? job.stage,
  };
}

/** The CLI's model pass: every ingested image of the folder through the remote analyzer, with a progress bar. */
import type { AiSettings, AnalysisProgress, CostEstimate } from '../../shared/model/ai';
import { BATCH_MINIMUM_RECORDS } from '../../shared/model/batch';
import { analyseInBatch, followEarlierJobs } from './batch-run';
import type { Asset } from '../../shared/model/asset';
import type { Engine } from '../engine';
import { ProgressBar, type BarProgress } from './progress-bar';

/**
 * The standard AWS environment wins over the app's saved choices for this run only:
 * AWS_REGION, AWS_PROFILE, or the key variables (read by the SDK's default chain).
 */
export function environmentOverrides(env: NodeJS.ProcessEnv): Partial<AiSettings> {
  const overrides: Partial<AiSettings> = { analyzer: 'bedrock' };
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (region) overrides.region = region;
  if (env.AWS_ACCESS_KEY_ID) overrides.credentials = { kind: 'default' };
  else if (env.AWS_PROFILE) overrides.credentials = { kind: 'profile', profile: env.AWS_PROFILE };
  return overrides;
}

/** A batch run the command line asked for: where, with which role (else the saved one), and whether to wait. */
export interface BatchRequest {
  s3Uri: string;
  roleArn?: string;
  wait: boolean;
}

/**
 * Runs the pass and returns the summary lines to print; `ok` is false when a batch job asked for could
 * not be started or failed. A run under the batch threshold goes on demand, and says so.
 */
export async function analyseRemotely(
  engine: Engine,
  assets: readonly Asset[],
  env: NodeJS.ProcessEnv,
  batch?: BatchRequest,
): Promise<{ lines: string[]; ok: boolean }> {
  const { analysis } = engine;
  analysis.overrideSettings({
    ...environmentOverrides(env),
    ...(batch && { batchS3Uri: batch.s3Uri, ...(batch.roleArn && { batchRoleArn: batch.roleArn }) }),
  });
  const earlier = await followEarlierJobs(engine, batch?.wait ?? true);
  const settings = analysis.settings();
  const estimate = analysis.estimate(assets);
  if (batch && estimate.toSend >= Math.max(estimate.batch.threshold, BATCH_MINIMUM_RECORDS)) {
    if (!estimate.batch.available) return { lines: [`Batch job not started: ${estimate.batch.reason}`], ok: false };
    const run = await analyseInBatch(engine, assets, { wait: batch.wait });
    return { ...run, lines: [...earlier, ...run.lines] };
  }
  const note = batch ? [`Not a batch job: ${estimate.batch.reason} Analysing on demand.`] : [];
  return { lines: [...earlier, ...note, ...(await onDemand(engine, assets, settings, estimate))], ok: true };
}

async function onDemand(
  engine: Engine,
  assets: readonly Asset[],
  settings: AiSettings,
  estimate: CostEstimate,
): Promise<string[]> {
  const { analysis } = engine;
  const lines = [
    `Model: ${settings.attributesModel} in ${settings.region}; estimated $${estimate.costUsd.toFixed(4)} ` +
      `for ${estimate.toSend} images (${estimate.cached} cached, ${estimate.skipped} not sent).`,
  ];
  const bar = new ProgressBar('Analysing', 'images');
  const onProgress = (p: AnalysisProgress) => bar.update(asBar(p));
  analysis.queue.on('progress', onProgress);
  analysis.enqueue(assets);
  await analysis.queue.settled();
  analysis.queue.off('progress', onProgress);
  const progress = analysis.queue.progress();
  bar.update(asBar(progress));
  bar.stop();
  lines.push(
    `Analysed ${progress.done} images, ${progress.failed} failed, ${progress.waiting} waiting; ` +
      `this run cost $${(progress.spentThisMonthUsd - estimate.spentThisMonthUsd).toFixed(4)}.`,
  );
  if (progress.holdReason) lines.push(`Remote analysis is on hold: ${progress.holdReason}`);
  for (const job of engine.store.analysis.listAnalysisJobs(['failed'])) lines.push(`  ${job.name}: ${job.reason}`);
  return lines;
}

function asBar(p: AnalysisProgress): BarProgress {
  return {
    done: p.done,
    failed: p.failed + p.cancelled,
    total: p.queued + p.running + p.waiting + p.done + p.failed + p.cancelled,
    rate: p.rate,
    etaSeconds: p.etaSeconds,
    currentFile: p.currentFile,
  };
}

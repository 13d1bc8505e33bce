/**
 * Bulk analysis as a Bedrock batch job, end to end through the real SDK clients against the fake's control
 * plane and S3: the input written as the on-demand prompt would be, the job followed, the output read back
 * and validated, failed records sent on demand; a job followed again after a restart; stopping; refusals.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BatchJob } from '../../../shared/model/batch';
import { attributePrompt, TOOL_NAME, TOOL_SCHEMA } from '../../../electron/analysis/bedrock/prompt';
import { createSwatchbookApi } from '../../../electron/api';
import { settleApiCall } from '../../../electron/api/dispatch';
import type { Engine } from '../../../electron/engine';
import { startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { tempDirs, waitFor } from '../../support/temp-dirs';
import { designs, HAIKU, keepEnv } from './analysis-fixture';
import { allAssets, BATCH_ROLE, batchSettings, openBatchEngine, photoFolder, pointAwsAt } from './batch-fixture';

const IMAGES = 104;
const dirs = tempDirs();
const restoreEnv = keepEnv();
let fake: FakeBedrock;
let root: string;
let engine: Engine | null = null;

beforeAll(async () => {
  fake = await startFakeBedrock();
  pointAwsAt(fake);
  root = await photoFolder(dirs, IMAGES);
}, 60_000);
afterEach(async () => {
  await engine?.close();
  engine = null;
  fake.reset();
});
afterAll(async () => {
  await fake.close();
  await dirs.cleanup();
  restoreEnv();
});

async function library(pollMs = 20): Promise<{ engine: Engine; dataDir: string }> {
  const dataDir = await dirs.make('batch-data-');
  engine = await openBatchEngine(dataDir, pollMs);
  await engine.library.addFolder(root);
  await engine.library.idle();
  engine.analysis.updateSettings(batchSettings());
  return { engine, dataDir };
}

const ended = async (e: Engine, id: string): Promise<BatchJob> =>
  (await waitFor(() => e.analysis.batch.list().find((j) => j.id === id && j.stage === 'finished'), 30_000, 'the job'))!;

describe('a bulk run as a Bedrock batch job', () => {
  it('sends the on-demand prompt as JSONL, stores the answers at half price and sends failed records on demand', async () => {
    const { engine: e } = await library();
    const assets = allAssets(e);
    const estimate = e.analysis.estimate(assets);
    expect(estimate.batch).toMatchObject({ available: true, reason: null, threshold: 100 });
    expect(estimate.batch.savingUsd).toBeGreaterThan(0);
    fake.scriptBatch({ input: designs(1), records: { 3: 'error', 7: 'invalid', 9: 'text' } });
    // The on-demand retry: however the queue groups the three, each design number up to 8 has an answer.
    fake.setFallback({ kind: 'toolUse', input: designs(8) });

    const job = e.analysis.batch.start(assets);
    expect(job).toMatchObject({ state: 'running', stage: 'preparing', records: IMAGES, modelId: HAIKU });
    const done = await ended(e, job.id);
    await e.analysis.queue.settled();

    expect(done).toMatchObject({ state: 'done', stored: IMAGES - 3, retried: 3, processed: IMAGES });
    expect(done.message).toMatch(/101 of 104 answers stored; 3 sent on to on-demand analysis/);
    const create = fake.requests.find((r) => r.api === 'createModelInvocationJob')!.body as Record<string, never>;
    expect(create).toMatchObject({
      jobName: job.name,
      roleArn: BATCH_ROLE,
      modelId: HAIKU,
      clientRequestToken: job.id,
    });

    // The input is the on-demand prompt: same system prompt, forced tool and schema, the image, by hash.
    const input = (await fake.s3Object(`${job.s3Uri}/input/records-0001.jsonl`))!.toString('utf8').trim().split('\n');
    expect(input).toHaveLength(IMAGES);
    const first = JSON.parse(input[0]) as { recordId: string; modelInput: Record<string, never> };
    // 104 images make 104 records of one (Bedrock's minimum is 100 records); which is which is kept beside the input.
    const index = (await fake.s3Object(`${job.s3Uri}/records.jsonl`))!.toString('utf8').trim().split('\n');
    expect(index).toHaveLength(IMAGES);
    const { recordId, hashes } = JSON.parse(index[0]) as { recordId: string; hashes: string[] };
    expect(first.recordId).toBe(recordId);
    expect(hashes).toHaveLength(1);
    expect(assets.map((a) => a.hash)).toContain(hashes[0]);
    expect(first.modelInput).toMatchObject({
      system: attributePrompt([]).system,
      tools: [{ name: TOOL_NAME, input_schema: TOOL_SCHEMA }],
      tool_choice: { type: 'tool', name: TOOL_NAME },
    });

    // Every image has an answer now: 101 from the batch, 3 from the on-demand retry.
    for (const asset of assets)
      expect(e.store.analysis.findModelAnalysis(asset.hash, HAIKU, 'attributes-v1')).toBeTruthy();
    const calls = e.store.analysis.listInvocations();
    const batchCalls = calls.filter((c) => c.detail === `batch job ${job.name}`);
    expect(batchCalls).toHaveLength(IMAGES - 3);
    expect(calls.filter((c) => c.outcome === 'invalid' || c.outcome === 'error')).toHaveLength(3);
    // Half Haiku's on-demand price for the tokens the output reports.
    const { inputTokens, outputTokens, costUsd } = batchCalls[0];
    expect(costUsd).toBeCloseTo(((inputTokens * 0.25 + outputTokens * 1.25) / 1e6) * 0.5, 10);
    expect(done.costUsd).toBeCloseTo(
      calls.filter((c) => c.latencyMs === 0).reduce((sum, c) => sum + c.costUsd, 0),
      8,
    );
  }, 60_000);

  it('is followed again after a restart, as one job at Bedrock, and its answers are read back then', async () => {
    const { engine: first, dataDir } = await library(60_000);
    fake.scriptBatch({ input: designs(1), inProgressPolls: 2 });
    const job = first.analysis.batch.start(allAssets(first));
    await waitFor(() => first.analysis.batch.list()[0]?.jobArn, 30_000, 'the job at Bedrock');
    await first.close();

    engine = await openBatchEngine(dataDir, 20);
    engine.analysis.start();
    const done = await ended(engine, job.id);
    expect(done).toMatchObject({ state: 'done', stored: IMAGES, retried: 0 });
    expect(fake.requests.filter((r) => r.api === 'createModelInvocationJob')).toHaveLength(1);
    expect(engine.analysis.estimate(allAssets(engine))).toMatchObject({ toSend: 0, cached: IMAGES });
  }, 60_000);

  it('stops at Bedrock when asked, keeping whatever it had answered', async () => {
    const { engine: e } = await library();
    fake.scriptBatch({ input: designs(1), inProgressPolls: Infinity });
    const job = e.analysis.batch.start(allAssets(e));
    await waitFor(() => e.analysis.batch.list()[0]?.bedrockStatus === 'InProgress', 30_000, 'the job running');
    // While it is at Bedrock its estimate is held against the budget: a second job that would not fit beside it is refused.
    e.analysis.updateSettings({ monthlyBudgetUsd: job.estimateUsd * 1.5 });
    expect(() => e.analysis.batch.start(allAssets(e))).toThrow(/held for batch jobs still at Bedrock/);
    await e.analysis.batch.stop(job.id);
    const stopped = await ended(e, job.id);
    expect(stopped).toMatchObject({ state: 'cancelled', bedrockStatus: 'Stopped' });
    expect(stopped.message).toMatch(/^Stopped at your request/);
    expect(fake.requests.filter((r) => r.api === 'stopModelInvocationJob')).toHaveLength(1);
    await expect(e.analysis.batch.stop(job.id)).rejects.toThrow(/already ended/);
  }, 60_000);

  it('stops at once while its input is still being written, and nothing reaches Bedrock', async () => {
    const { engine: e } = await library();
    const job = e.analysis.batch.start(allAssets(e));
    const stopped = await e.analysis.batch.stop(job.id);
    expect(stopped).toMatchObject({ state: 'cancelled', stage: 'finished', jobArn: null });
    expect(stopped.message).toBe('Stopped before anything was sent to Bedrock.');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.requests.filter((r) => r.api === 'createModelInvocationJob')).toHaveLength(0);
    expect(e.analysis.batch.list()[0]).toMatchObject({ state: 'cancelled' });
  }, 60_000);

  it('ends a job cut off while its input was written, saying nothing was sent', async () => {
    const { engine: first, dataDir } = await library(60_000);
    const job = first.analysis.batch.start(allAssets(first));
    await first.close(); // at once: rendering 104 images has barely begun
    engine = await openBatchEngine(dataDir, 20);
    engine.analysis.start();
    const [after] = engine.analysis.batch.list();
    expect(after).toMatchObject({ id: job.id, state: 'failed', stage: 'finished', jobArn: null });
    expect(after.message).toMatch(/closed while this batch job was being prepared; nothing was sent to Bedrock/);
    expect(fake.requests.filter((r) => r.api === 'createModelInvocationJob')).toHaveLength(0);
  }, 60_000);

  it('ends as failed, saying so, when a finished job’s output is gone from the bucket', async () => {
    const { engine: e } = await library();
    fake.scriptBatch({ input: designs(1), inProgressPolls: 20 });
    const job = e.analysis.batch.start(allAssets(e));
    const atBedrock = await waitFor(() => e.analysis.batch.list().find((j) => j.jobArn), 30_000, 'the job at Bedrock');
    // As if the bucket's lifecycle rules removed the job's folder: its index and output are read elsewhere.
    e.store.analysis.putBatchJob({ ...atBedrock!, s3Uri: 's3://swatch-batch/expired' });
    const gone = await ended(e, job.id);
    expect(gone.state).toBe('failed');
    expect(gone.message).toMatch(/^Nothing is at s3:\/\/swatch-batch\/expired\/records\.jsonl .* cannot be read back/);
    expect(e.store.analysis.listInvocations()).toHaveLength(0);
  }, 60_000);

  it('sends on demand an image a completed job left out of its output, and is not done when nothing came back', async () => {
    const { engine: e } = await library();
    fake.setFallback({ kind: 'toolUse', input: designs(8) });
    fake.scriptBatch({ input: designs(1), records: { 0: 'lost' } });
    const lost = await ended(e, e.analysis.batch.start(allAssets(e)).id);
    expect(lost).toMatchObject({ state: 'done', stored: IMAGES - 1, retried: 1 });
    expect(lost.message).toMatch(/1 images had no answer in Bedrock's output/);
    await e.analysis.queue.settled();
    await e.close();

    const { engine: second } = await library();
    const everyRecord = Object.fromEntries(Array.from({ length: IMAGES }, (_, i) => [i, 'error' as const]));
    fake.scriptBatch({ input: designs(1), records: everyRecord });
    second.analysis.queue.pause();
    const none = await ended(second, second.analysis.batch.start(allAssets(second)).id);
    expect(none).toMatchObject({ state: 'failed', stored: 0, retried: IMAGES });
    second.analysis.queue.cancel();
  }, 60_000);

  it('says why when Bedrock fails the job, and stores nothing', async () => {
    const { engine: e } = await library();
    fake.scriptBatch({ outcome: { status: 'Failed', message: 'The role cannot read the input.' } });
    const failed: BatchJob = await ended(e, e.analysis.batch.start(allAssets(e)).id);
    expect(failed.state).toBe('failed');
    expect(failed.message).toMatch(/Bedrock could not run the batch job: .*The role cannot read the input/);
    expect(e.store.analysis.listInvocations()).toHaveLength(0);
  }, 60_000);

  it('is refused before anything is sent when the run cannot be a batch job, saying why', async () => {
    const { engine: e } = await library();
    const assets = allAssets(e);
    const offer = (over = {}) => {
      e.analysis.updateSettings(batchSettings(over));
      return e.analysis.estimate(assets).batch;
    };
    expect(offer({ batchThreshold: 1000 }).reason).toMatch(/under the batch threshold of 1000/);
    expect(offer({ batchRoleArn: '' }).reason).toMatch(/IAM role Bedrock assumes/);
    expect(offer({ batchS3Uri: '' }).reason).toMatch(/S3 location for batch jobs/);
    expect(offer({ attributesModel: 'amazon.nova-lite-v1:0' }).reason).toMatch(/not one: choose a Claude model/);
    expect(offer({ monthlyBudgetUsd: 0 }).reason).toMatch(/pass the monthly budget/);
    expect(e.analysis.estimate(assets.slice(0, 50)).batch.reason).toMatch(/minimum of 100 records/);
    expect(() => e.analysis.batch.start(assets)).toThrow(/pass the monthly budget/);
    // Images the on-demand queue holds are not sent again: ten queued (paused) leave 94 to send.
    e.analysis.updateSettings(batchSettings());
    e.analysis.queue.pause();
    e.analysis.enqueue(assets.slice(0, 10));
    expect(e.analysis.estimate(assets).batch.reason).toMatch(/^94 images to send is under Bedrock's minimum/);
    e.analysis.queue.cancel();
    expect(fake.requests).toHaveLength(0);
  }, 60_000);

  it('checks the bucket can be written and read with these credentials, and says what it cannot know', async () => {
    const { engine: e } = await library();
    const ok = await e.analysis.batch.check();
    expect(ok).toMatchObject({
      ok: true,
      message: expect.stringMatching(/can write and read s3:\/\/swatch-batch\/runs\./),
    });
    expect(ok.message).toMatch(/checked by Bedrock when a job starts/);
    expect((await fake.s3Object('s3://swatch-batch/runs/swatchbook-check.txt'))?.toString()).toMatch(
      /Swatchbook checked/,
    );
    e.analysis.updateSettings(batchSettings({ batchS3Uri: 'bucket-without-scheme' }));
    expect(await e.analysis.batch.check()).toMatchObject({ ok: false, message: expect.stringMatching(/not one/) });
    e.analysis.updateSettings(batchSettings({ batchRoleArn: 'BedrockBatchRole' }));
    expect(await e.analysis.batch.check()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not an IAM role ARN/),
    });
  });

  it('keeps the batch location, the role and the video location when the settings are saved one at a time', async () => {
    const { engine: e } = await library();
    const api = createSwatchbookApi(e);
    for (const patch of [
      { videoOutputS3Uri: 's3://swatch-videos/reel' },
      { batchS3Uri: 's3://swatch-batch/elsewhere' },
      { batchRoleArn: BATCH_ROLE },
      { batchThreshold: 2000 },
    ]) {
      expect(await settleApiCall(api, 'updateAiSettings', patch)).toMatchObject({ ok: true });
    }
    expect(e.analysis.settings()).toMatchObject({
      videoOutputS3Uri: 's3://swatch-videos/reel',
      batchS3Uri: 's3://swatch-batch/elsewhere',
      batchRoleArn: BATCH_ROLE,
      batchThreshold: 2000,
    });
  });
});

describe('a batch job of a larger run', () => {
  const LARGER = 210;
  let larger: string;
  beforeAll(async () => {
    larger = await photoFolder(dirs, LARGER);
  }, 60_000);

  it('puts as many designs in a record as on demand puts in a call, so it costs half the on-demand estimate', async () => {
    const dataDir = await dirs.make('batch-data-');
    engine = await openBatchEngine(dataDir, 20);
    await engine.library.addFolder(larger);
    await engine.library.idle();
    engine.analysis.updateSettings(batchSettings({ designsPerCall: 2 }));
    const assets = allAssets(engine);
    const estimate = engine.analysis.estimate(assets);
    expect(estimate.batch.costUsd).toBeCloseTo(estimate.costUsd / 2, 6);

    fake.scriptBatch({ input: designs(2), records: { 4: 'error' } });
    fake.setFallback({ kind: 'toolUse', input: designs(8) });
    const job = engine.analysis.batch.start(assets);
    expect(job).toMatchObject({ records: LARGER, designsPerRecord: 2 });
    const done = await ended(engine, job.id);
    await engine.analysis.queue.settled();
    // The fifth record's two images went on demand; the rest were answered in pairs.
    expect(done).toMatchObject({ state: 'done', stored: LARGER - 2, retried: 2, processed: LARGER });
    const input = (await fake.s3Object(`${job.s3Uri}/input/records-0001.jsonl`))!.toString('utf8').trim().split('\n');
    expect(input).toHaveLength(LARGER / 2);
    expect(JSON.stringify(JSON.parse(input[0]).modelInput.messages)).toContain(
      'Record the attributes of designs 1 to 2.',
    );
    const batchCalls = engine.store.analysis.listInvocations().filter((c) => c.latencyMs === 0);
    expect(batchCalls).toHaveLength(LARGER / 2);
    expect(batchCalls.every((c) => c.hashes.length === 2)).toBe(true);
    for (const asset of assets)
      expect(engine.store.analysis.findModelAnalysis(asset.hash, HAIKU, 'attributes-v1')).toBeTruthy();
  }, 90_000);
});

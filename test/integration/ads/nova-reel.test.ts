/**
 * Amazon Nova Reel's asynchronous job, through the real BedrockRuntimeClient (HTTP/2) and S3Client
 * (HTTP/1.1, path-style) against the fake, which plays the job and the bucket it writes to.
 */
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  fetchReel,
  makeReelVideo,
  NOVA_REEL,
  pollReel,
  startReel,
  type ReelPolling,
  type ReelRequest,
} from '../../../electron/ads/generators/nova-reel';
import { classifyBedrockError } from '../../../electron/analysis/bedrock/bedrock-errors';
import { InvocationLog } from '../../../electron/analysis/invocation-log';
import { ModelCalls } from '../../../electron/analysis/model-calls';
import { DEFAULT_PRICES } from '../../../electron/analysis/pricing';
import { RemoteCallError } from '../../../electron/analysis/remote-failure';
import { InvalidRequestError, UpstreamError } from '../../../shared/errors';
import type { Invocation } from '../../../shared/model/ai';
import { DEFAULT_FAKE_KEYS, startFakeBedrock, testVideo, type FakeBedrock } from '../../support/fake-bedrock';

const REGION = 'us-east-1';
const OUTPUT = 's3://swatchbook-reels/ads/spring';
const PROMPT = 'Slow dolly around a steel bottle on a sunlit wooden table, dust in the light';

let fake: FakeBedrock;
let runtime: BedrockRuntimeClient;
let s3: S3Client;
let squarePhoto: Buffer;

beforeAll(async () => {
  fake = await startFakeBedrock();
  runtime = new BedrockRuntimeClient({
    endpoint: fake.runtimeEndpoint,
    region: REGION,
    credentials: DEFAULT_FAKE_KEYS,
    maxAttempts: 1,
  });
  s3 = new S3Client({
    endpoint: fake.s3Endpoint,
    forcePathStyle: true,
    region: REGION,
    credentials: DEFAULT_FAKE_KEYS,
    maxAttempts: 1,
  });
  squarePhoto = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#c0392b' } })
    .jpeg()
    .toBuffer();
});
beforeEach(() => fake.reset());
afterAll(async () => {
  runtime.destroy();
  s3.destroy();
  await fake.close();
});

const request = (over: Partial<ReelRequest> = {}): ReelRequest => ({
  modelId: NOVA_REEL,
  prompt: PROMPT,
  startImage: squarePhoto,
  seed: 42,
  s3Uri: OUTPUT,
  ...over,
});

const polling = (over: Partial<ReelPolling> = {}): ReelPolling => ({ intervalMs: 20, timeoutMs: 5_000, ...over });

/** The gateway as the app builds it, its log kept in memory. */
function gateway() {
  const logged: Invocation[] = [];
  const calls = new ModelCalls({
    client: () => runtime,
    log: new InvocationLog({ recordInvocation: (entry) => void logged.push(entry) }),
    classify: (error, modelId) =>
      classifyBedrockError(error, { modelId, region: REGION, source: { kind: 'default' }, canStoreKeys: false }),
  });
  return { deps: { calls, s3, prices: DEFAULT_PRICES }, logged };
}
const ABOUT = { promptVersion: 'reel-test', hashes: ['product-hash'] };

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error as Error,
  );
const polls = () => fake.requests.filter((r) => r.api === 'getAsyncInvoke').length;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('starting a Nova Reel job', () => {
  it('sends the prompt, the start image letterboxed to exactly 1280 × 720, and the S3 location', async () => {
    fake.script({ kind: 'asyncJob' });
    const { invocationArn } = await startReel(runtime, request());

    expect(invocationArn).toMatch(/^arn:aws:bedrock:us-east-1:\d{12}:async-invoke\/\w+$/);
    const [start] = fake.requests;
    expect(start).toMatchObject({ api: 'startAsyncInvoke', modelId: NOVA_REEL, method: 'POST', httpVersion: '2.0' });
    const body = start.body as {
      modelInput: { textToVideoParams: { text: string; images: { format: string; source: { bytes: string } }[] } };
    };
    expect(body).toMatchObject({
      modelInput: {
        taskType: 'TEXT_VIDEO',
        textToVideoParams: { text: PROMPT },
        videoGenerationConfig: { durationSeconds: 6, fps: 24, dimension: '1280x720', seed: 42 },
      },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: OUTPUT } },
    });
    const [image] = body.modelInput.textToVideoParams.images;
    expect(image.format).toBe('png');
    const pixels = sharp(Buffer.from(image.source.bytes, 'base64'));
    expect(await pixels.metadata()).toMatchObject({ format: 'png', width: 1280, height: 720 });
    // A square photo keeps its shape: its red in the middle (give or take JPEG), black bars at the sides.
    const { data } = await pixels.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * 1280 + x) * 3, (y * 1280 + x) * 3 + 3)];
    const red = [0xc0, 0x39, 0x2b];
    at(640, 360).forEach((channel, i) => expect(Math.abs(channel - red[i])).toBeLessThanOrEqual(3));
    expect(at(10, 360)).toEqual([0, 0, 0]);
    expect(at(1270, 360)).toEqual([0, 0, 0]);
  });

  it('without a start image, sends only the prompt', async () => {
    fake.script({ kind: 'asyncJob' });
    await startReel(runtime, request({ startImage: undefined }));
    expect(fake.requests[0].body).toMatchObject({ modelInput: { textToVideoParams: { text: PROMPT } } });
    expect(fake.requests[0].body).not.toHaveProperty('modelInput.textToVideoParams.images');
  });

  it('refuses, before anything is sent, without an S3 output location, naming where to set one', async () => {
    for (const s3Uri of ['', 'swatchbook-reels/ads', 'https://swatchbook-reels.s3.amazonaws.com/ads']) {
      const error = await rejection(startReel(runtime, request({ s3Uri })));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).toMatch(/^Nova Reel needs an S3 output location.*Settings → AI \(s3:\/\/bucket\/prefix\)/);
    }
    const { deps, logged } = gateway();
    await expect(makeReelVideo(deps, request({ s3Uri: '' }), polling(), ABOUT)).rejects.toThrow(InvalidRequestError);
    expect(fake.requests).toEqual([]);
    expect(logged).toEqual([]);
  });
});

describe('making a Nova Reel video', () => {
  it('reports progress while the job runs, then reads the MP4 it wrote, logged once with its cost', async () => {
    fake.script({ kind: 'asyncJob', inProgressPolls: 2 });
    const { deps, logged } = gateway();
    const progress: number[] = [];

    const reel = await makeReelVideo(deps, request(), polling({ onProgress: (p) => progress.push(p.polls) }), ABOUT);

    expect(progress).toEqual([1, 2]);
    expect(reel.mp4.toString('latin1', 4, 8)).toBe('ftyp');
    expect(reel.mp4.equals(await testVideo())).toBe(true);
    const jobId = reel.invocationArn.split('/').pop();
    expect(reel.s3Uri).toBe(`${OUTPUT}/${jobId}/output.mp4`);
    expect(reel.costUsd).toBeCloseTo(0.48);
    expect(fake.requests.map((r) => `${r.api} ${r.httpVersion}`)).toEqual([
      'startAsyncInvoke 2.0',
      'getAsyncInvoke 2.0',
      'getAsyncInvoke 2.0',
      'getAsyncInvoke 2.0',
      's3GetObject 1.1',
    ]);
    expect(fake.requests[4].url).toBe(`/swatchbook-reels/ads/spring/${jobId}/output.mp4?x-id=GetObject`);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ modelId: NOVA_REEL, outcome: 'ok', hashes: ['product-hash'], notSent: null });
    expect(logged[0].costUsd).toBeCloseTo(0.48);
  });

  it('a failed job surfaces the service’s message and is logged as failed, not charged', async () => {
    const reason = 'Amazon S3 denied access to s3://swatchbook-reels/ads/spring for writing the output.';
    fake.script({ kind: 'asyncJob', inProgressPolls: 1, outcome: { status: 'Failed', failureMessage: reason } });
    const { deps, logged } = gateway();

    const error = await rejection(makeReelVideo(deps, request(), polling(), ABOUT));

    expect(error).toBeInstanceOf(RemoteCallError);
    expect(error.message).toContain(`Nova Reel could not make the video: ${reason}`);
    expect(error.message).toMatch(/credentials can write to the S3 output location in Settings → AI/);
    expect(logged).toMatchObject([{ outcome: 'error', costUsd: 0, detail: error.message }]);
    expect(fake.requests.some((r) => r.api === 's3GetObject')).toBe(false);
  });

  it('a job its content filter stopped is reported as blocked, with the service’s words', async () => {
    const reason = 'The output video has been blocked by our content filters';
    fake.script({ kind: 'asyncJob', outcome: { status: 'Failed', failureMessage: reason } });
    const { deps, logged } = gateway();

    const error = (await rejection(makeReelVideo(deps, request(), polling(), ABOUT))) as RemoteCallError;

    expect(error.failure).toMatchObject({ outcome: 'blocked', action: 'fail' });
    expect(error.message).toBe(`Nova Reel blocked the video: ${reason}. Change the prompt or the start image.`);
    expect(logged).toMatchObject([{ outcome: 'blocked' }]);
  });
});

describe('waiting for a Nova Reel job', () => {
  it('a job that never finishes times out with a clear message, and polling stops', async () => {
    fake.script({ kind: 'asyncJob', inProgressPolls: Infinity });
    const { invocationArn } = await startReel(runtime, request());
    const started = performance.now();

    const error = (await rejection(pollReel(runtime, invocationArn, polling({ timeoutMs: 300 })))) as RemoteCallError;

    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error.failure).toMatchObject({ outcome: 'timeout', action: 'fail' });
    expect(error.message).toMatch(/^Nova Reel did not finish the video within 0\.3 s\. The job may still finish/);
    expect(polls()).toBeGreaterThan(2);
    // A poll already on the wire when the deadline passed may still arrive; after that, none.
    await pause(100);
    const counted = polls();
    await pause(150);
    expect(polls()).toBe(counted);
  });

  it('a cancelled signal stops polling at once', async () => {
    fake.script({ kind: 'asyncJob', inProgressPolls: Infinity });
    const { invocationArn } = await startReel(runtime, request());
    const cancel = new AbortController();
    const onProgress = ({ polls: n }: { polls: number }) => n === 2 && cancel.abort();

    const error = await rejection(pollReel(runtime, invocationArn, polling({ signal: cancel.signal, onProgress })));

    expect(error.message).toMatch(/^Stopped waiting for the Nova Reel video, as asked\./);
    await pause(150);
    expect(polls()).toBe(2);
  });

  it('a signal cancelled before the first poll sends nothing', async () => {
    const cancel = new AbortController();
    cancel.abort();
    const arn = 'arn:aws:bedrock:us-east-1:111122223333:async-invoke/abc123';
    await expect(pollReel(runtime, arn, polling({ signal: cancel.signal }))).rejects.toThrow(/Stopped waiting/);
    expect(polls()).toBe(0);
  });
});

describe('reading the video back', () => {
  it('says plainly when nothing is at the location', async () => {
    const missing = `${OUTPUT}/gone/output.mp4`;
    const error = await rejection(fetchReel(s3, missing));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.message).toBe(
      `Nothing is at ${missing} (moved, deleted, or expired by the bucket's rules): make the video again.`,
    );
  });
});

/**
 * The fake's asynchronous invocations (StartAsyncInvoke, GetAsyncInvoke) and the S3 bucket its jobs
 * write to, through the real BedrockRuntimeClient and S3Client.
 */
import http from 'node:http';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  GetAsyncInvokeCommand,
  ResourceNotFoundException,
  StartAsyncInvokeCommand,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_FAKE_KEYS,
  STUB_MP4_WITHOUT_FFMPEG,
  startFakeBedrock,
  testVideo,
  throttles,
  type FakeBedrock,
} from '../../support/fake-bedrock';

const REEL = 'amazon.nova-reel-v1:1';
const OUTPUT = 's3://swatchbook-reels/ads';

let fake: FakeBedrock;
let runtime: BedrockRuntimeClient;
let s3: S3Client;

beforeAll(async () => {
  fake = await startFakeBedrock();
  const config = { region: 'us-east-1', credentials: DEFAULT_FAKE_KEYS, maxAttempts: 1 };
  runtime = new BedrockRuntimeClient({ ...config, endpoint: fake.runtimeEndpoint });
  s3 = new S3Client({ ...config, endpoint: fake.s3Endpoint, forcePathStyle: true });
});
beforeEach(() => fake.reset());
afterAll(async () => {
  runtime.destroy();
  s3.destroy();
  await fake.close();
});

const reelInput = (text = 'A bottle on a table', images?: string[]) => ({
  taskType: 'TEXT_VIDEO',
  textToVideoParams: {
    text,
    ...(images ? { images: images.map((bytes) => ({ format: 'png', source: { bytes } })) } : {}),
  },
  videoGenerationConfig: { durationSeconds: 6, fps: 24, dimension: '1280x720', seed: 1 },
});
const start = (modelInput = reelInput(), s3Uri = OUTPUT) =>
  runtime.send(
    new StartAsyncInvokeCommand({ modelId: REEL, modelInput, outputDataConfig: { s3OutputDataConfig: { s3Uri } } }),
  );
const poll = (invocationArn: string) => runtime.send(new GetAsyncInvokeCommand({ invocationArn }));
const read = (s3Uri: string) => {
  const [, bucket, key] = /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri)!;
  return s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
};
const failure = (call: Promise<unknown>) =>
  call.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => error as Error,
  );
const png = async (width: number, height: number) =>
  (
    await sharp({ create: { width, height, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
  ).toString('base64');

describe('asynchronous invocations', () => {
  it('InProgress for the scripted polls, then Completed for good, with the video in the job’s own folder', async () => {
    fake.script({ kind: 'asyncJob', inProgressPolls: 1 });
    const { invocationArn } = await start();
    const jobId = invocationArn!.split('/').pop();
    const folder = `${OUTPUT}/${jobId}`;

    const running = await poll(invocationArn!);
    expect(running).toMatchObject({
      invocationArn,
      modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${REEL}`,
      status: 'InProgress',
      outputDataConfig: { s3OutputDataConfig: { s3Uri: folder } },
    });
    expect(running.submitTime).toBeInstanceOf(Date);
    expect(running.endTime).toBeUndefined();
    await expect(read(`${folder}/output.mp4`)).rejects.toBeInstanceOf(NoSuchKey);

    const done = await poll(invocationArn!);
    expect(done.status).toBe('Completed');
    expect(done.endTime).toBeInstanceOf(Date);
    expect((await poll(invocationArn!)).status).toBe('Completed');

    const video = await read(`${folder}/output.mp4`);
    expect(video.ContentType).toBe('video/mp4');
    expect(Buffer.from(await video.Body!.transformToByteArray()).equals(await testVideo())).toBe(true);
    expect(fake.requests.at(-1)).toMatchObject({ api: 's3GetObject', httpVersion: '1.1', auth: { service: 's3' } });
  });

  it('a Failed job says why, and writes nothing', async () => {
    fake.script({ kind: 'asyncJob', outcome: { status: 'Failed', failureMessage: 'Internal failure, try again.' } });
    const { invocationArn } = await start();
    const failed = await poll(invocationArn!);
    expect(failed).toMatchObject({ status: 'Failed', failureMessage: 'Internal failure, try again.' });
    const error = await failure(read(`${failed.outputDataConfig!.s3OutputDataConfig!.s3Uri}/output.mp4`));
    expect(error.name).toBe('NoSuchKey');
  });

  it('refuses what Bedrock refuses before a job starts, without using up the script', async () => {
    fake.script({ kind: 'asyncJob' });
    const wrongSize = await png(640, 480);
    const refusals = [
      [() => start(reelInput(), 'swatchbook-reels/ads'), /S3 output location is not a valid S3 URI/],
      [() => start(reelInput('x'.repeat(513))), /text of 1 to 512 characters/],
      [() => start(reelInput('A bottle', [wrongSize])), /must be 1280x720 pixels .* this one is 640x480/],
    ] as const;
    for (const [call, message] of refusals) {
      const error = await failure(call());
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.message).toMatch(message);
    }
    expect(fake.pendingScript()).toEqual([{ kind: 'asyncJob' }]);
    await expect(start(reelInput('A bottle', [await png(1280, 720)]))).resolves.toHaveProperty('invocationArn');
  });

  it('answers StartAsyncInvoke with transport behaviours too, and says when a script does not fit', async () => {
    fake.script(...throttles(1), { kind: 'text', text: 'hello' }, { kind: 'asyncJob' });
    expect(await failure(start())).toBeInstanceOf(ThrottlingException);
    expect((await failure(start())).message).toBe('fake-bedrock: text was scripted for a StartAsyncInvoke request');
    const converse = new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [] });
    expect((await failure(runtime.send(converse))).message).toBe(
      'fake-bedrock: asyncJob was scripted for a Converse request',
    );
  });

  it('knows no job it did not start, and forgets its jobs and objects on reset', async () => {
    fake.script({ kind: 'asyncJob' });
    const { invocationArn } = await start();
    const folder = (await poll(invocationArn!)).outputDataConfig!.s3OutputDataConfig!.s3Uri!;
    fake.reset();
    expect(await failure(poll(invocationArn!))).toBeInstanceOf(ResourceNotFoundException);
    expect((await failure(read(`${folder}/output.mp4`))).name).toBe('NoSuchKey');
  });
});

describe('the S3 bucket', () => {
  it('refuses an unsigned read with 403 AccessDenied', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(`${fake.s3Endpoint}/swatchbook-reels/ads/output.mp4`, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(403);
  });

  it('without ffmpeg, serves a stub that is whole MP4 boxes from ftyp on and says what it is', () => {
    const types: string[] = [];
    for (let at = 0; at < STUB_MP4_WITHOUT_FFMPEG.length; at += STUB_MP4_WITHOUT_FFMPEG.readUInt32BE(at)) {
      types.push(STUB_MP4_WITHOUT_FFMPEG.toString('latin1', at + 4, at + 8));
    }
    expect(types).toEqual(['ftyp', 'moov', 'free']);
    expect(STUB_MP4_WITHOUT_FFMPEG.toString('latin1')).toContain('fake-bedrock stub: no ffmpeg');
  });
});

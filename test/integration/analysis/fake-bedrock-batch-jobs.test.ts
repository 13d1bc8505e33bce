/**
 * The fake's batch inference (CreateModelInvocationJob, GetModelInvocationJob, StopModelInvocationJob) and
 * the S3 bucket the jobs read from and write to, through the real BedrockClient and S3Client.
 */
import http from 'node:http';
import { Readable } from 'node:stream';
import {
  BedrockClient,
  CreateModelInvocationJobCommand,
  GetModelInvocationJobCommand,
  ResourceNotFoundException,
  StopModelInvocationJobCommand,
  ThrottlingException,
  ValidationException,
  type GetModelInvocationJobResponse,
} from '@aws-sdk/client-bedrock';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_FAKE_KEYS,
  FAKE_ACCOUNT_ID,
  HAIKU,
  INVALID_DESIGNS_INPUT,
  UNSCRIPTED_RECORD_TEXT,
  imageTokenCount,
  startFakeBedrock,
  throttles,
  type BatchJobBehaviour,
  type FakeBedrock,
} from '../../support/fake-bedrock';

const BUCKET = 'swatchbook-batch';
const ROLE = `arn:aws:iam::${FAKE_ACCOUNT_ID}:role/swatchbook-batch`;
const OUTPUT = `s3://${BUCKET}/output/`;
const DESIGNS = { designs: [{ design: 1, patternTypes: ['floral'], description: 'Roses on navy.' }] };

let fake: FakeBedrock;
let control: BedrockClient;
let s3: S3Client;
let jpeg: Buffer;

beforeAll(async () => {
  fake = await startFakeBedrock();
  const config = { region: 'us-east-1', credentials: DEFAULT_FAKE_KEYS, maxAttempts: 1 };
  control = new BedrockClient({ ...config, endpoint: fake.controlEndpoint });
  s3 = new S3Client({ ...config, endpoint: fake.s3Endpoint, forcePathStyle: true });
  jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#1b2a4a' } })
    .jpeg()
    .toBuffer();
});
beforeEach(() => fake.reset());
afterAll(async () => {
  control.destroy();
  s3.destroy();
  await fake.close();
});

/** One record as the app writes it: the Anthropic Messages body of an InvokeModel call. */
const modelInput = (n: number) => ({
  anthropic_version: 'bedrock-2023-05-31',
  max_tokens: 500,
  temperature: 0,
  system: 'You catalogue print designs.',
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: `Design 1: design ${n}, whole image.` },
        { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: jpeg.toString('base64') } },
        { type: 'text', text: 'Record the attributes of designs 1 to 1.' },
      ],
    },
  ],
  tools: [{ name: 'record_designs', description: 'Records the designs.', input_schema: { type: 'object' } }],
  tool_choice: { type: 'tool', name: 'record_designs' },
});
const record = (n: number): unknown => ({ recordId: `rec-${n}`, modelInput: modelInput(n) });
const jsonl = (from: number, count: number, line = record) =>
  Buffer.from(Array.from({ length: count }, (_, i) => `${JSON.stringify(line(from + i))}\n`).join(''));

const put = (key: string, body: Buffer | Readable, contentLength?: number) =>
  s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentLength: contentLength }));
const read = async (uri: string) => {
  const [, bucket, key] = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri)!;
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return { contentType: object.ContentType, text: await object.Body!.transformToString() };
};
/** A line of a job's `.out` file, as far as these tests read it. */
interface OutputLine {
  recordId: string;
  modelInput: unknown;
  modelOutput?: {
    id: string;
    content: { type: string; id?: string; text?: string; input?: unknown }[];
    usage: { input_tokens: number; output_tokens: number };
  };
  error?: { errorCode: number; errorMessage: string };
}
const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as OutputLine);

const create = (inputUri: string, more: { jobName?: string; roleArn?: string; clientRequestToken?: string } = {}) =>
  control.send(
    new CreateModelInvocationJobCommand({
      jobName: 'swatchbook-attributes-1',
      roleArn: ROLE,
      modelId: HAIKU,
      inputDataConfig: { s3InputDataConfig: { s3Uri: inputUri, s3InputFormat: 'JSONL' } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: OUTPUT } },
      ...more,
    }),
  );
const get = (jobIdentifier: string) => control.send(new GetModelInvocationJobCommand({ jobIdentifier }));
/** Polls until the job ends, and returns every answer. */
const pollToEnd = async (jobArn: string) => {
  const answers: GetModelInvocationJobResponse[] = [];
  while (answers.length < 20) {
    answers.push(await get(jobArn));
    if (['Completed', 'Failed', 'Expired', 'Stopped'].includes(answers.at(-1)!.status!)) return answers;
  }
  throw new Error('the job did not end in 20 polls');
};
/** A job of `count` valid records in one file, as scripted. */
const startJob = async (count: number, behaviour?: BatchJobBehaviour) => {
  await put('input/job.jsonl', jsonl(0, count));
  if (behaviour) fake.scriptBatch(behaviour);
  return (await create(`s3://${BUCKET}/input/job.jsonl`)).jobArn!;
};
const failure = (call: Promise<unknown>) =>
  call.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => error as Error,
  );

describe('batch inference jobs', () => {
  it('reads two uploaded files, reports its progress, and writes each file’s answers and a manifest', async () => {
    const first = jsonl(0, 70);
    await put('input/run-1/part-1.jsonl', first);
    await put('input/run-1/part-2.jsonl', jsonl(70, 50));
    await put('input/run-1/notes.txt', Buffer.from('not input'));
    expect((await fake.s3Object(`s3://${BUCKET}/input/run-1/part-1.jsonl`))?.equals(first)).toBe(true);
    expect(fake.requests.at(-1)).toMatchObject({ api: 's3PutObject', method: 'PUT', auth: { service: 's3' } });

    fake.scriptBatch({ inProgressPolls: 2, input: DESIGNS, records: { 3: 'error', 75: 'invalid', 119: 'text' } });
    const { jobArn } = await create(`s3://${BUCKET}/input/run-1/`);
    expect(jobArn).toMatch(
      new RegExp(`^arn:aws:bedrock:us-east-1:${FAKE_ACCOUNT_ID}:model-invocation-job/[a-z0-9]{12}$`),
    );
    const jobId = jobArn!.split('/').pop();

    const answers = await pollToEnd(jobArn!);
    const progress = answers.map((a) => [a.status, a.totalRecordCount, a.processedRecordCount, a.errorRecordCount]);
    expect(progress).toEqual([
      ['Validating', undefined, undefined, undefined],
      ['InProgress', 120, 40, 1],
      ['InProgress', 120, 80, 1],
      ['Completed', 120, 120, 1],
    ]);
    const done = answers.at(-1)!;
    expect(done).toMatchObject({
      jobArn,
      jobName: 'swatchbook-attributes-1',
      modelId: HAIKU,
      roleArn: ROLE,
      successRecordCount: 119,
      timeoutDurationInHours: 168,
      inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${BUCKET}/input/run-1/` } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: OUTPUT } },
    });
    expect(done.endTime).toBeInstanceOf(Date);
    expect(done.jobExpirationTime!.getTime() - done.submitTime!.getTime()).toBe(168 * 3_600_000);
    expect((await get(jobArn!)).status).toBe('Completed');
    expect(fake.requests.filter((r) => r.api === 'getModelInvocationJob')).toHaveLength(5);

    const folder = `s3://${BUCKET}/output/${jobId}`;
    const partOne = await read(`${folder}/part-1.jsonl.out`);
    expect(partOne.contentType).toBe('application/json');
    const part1 = lines(partOne.text);
    const part2 = lines((await read(`${folder}/part-2.jsonl.out`)).text);
    expect([...part1, ...part2].map((l) => l.recordId)).toEqual(Array.from({ length: 120 }, (_, n) => `rec-${n}`));
    expect(part1[0].modelInput).toEqual(modelInput(0));
    expect(part1[0].modelOutput).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-3-haiku-20240307',
      content: [{ type: 'tool_use', name: 'record_designs', input: DESIGNS }],
      stop_reason: 'tool_use',
      stop_sequence: null,
    });
    expect(part1[0].modelOutput!.id).toMatch(/^msg_bdrk_/);
    expect(part1[0].modelOutput!.content[0].id).toMatch(/^toolu_bdrk_/);
    const { input_tokens: inputTokens } = part1[0].modelOutput!.usage;
    // The image counts by its size, not by the length of its base64 text.
    expect(inputTokens).toBeGreaterThan(imageTokenCount(jpeg));
    expect(inputTokens).toBeLessThan(imageTokenCount(jpeg) + 100);
    expect(part1[3]).toMatchObject({ recordId: 'rec-3', error: { errorCode: 400, errorMessage: expect.any(String) } });
    expect(part1[3].modelOutput).toBeUndefined();
    expect(part2[5].modelOutput!.content[0].input).toEqual(INVALID_DESIGNS_INPUT);
    expect(part2[49].modelOutput).toMatchObject({
      content: [{ type: 'text', text: UNSCRIPTED_RECORD_TEXT }],
      stop_reason: 'end_turn',
    });

    const manifest = JSON.parse((await read(`${folder}/manifest.json.out`)).text);
    const answered = [...part1, ...part2].filter((l) => l.modelOutput);
    expect(manifest).toEqual({
      totalRecordCount: 120,
      processedRecordCount: 120,
      successRecordCount: 119,
      errorRecordCount: 1,
      inputTokenCount: answered.reduce((sum, l) => sum + l.modelOutput!.usage.input_tokens, 0),
      outputTokenCount: answered.reduce((sum, l) => sum + l.modelOutput!.usage.output_tokens, 0),
    });
  });

  it('answers every record with a text reply when nothing was scripted', async () => {
    const jobArn = await startJob(100);
    const statuses = (await pollToEnd(jobArn)).map((a) => a.status);
    expect(statuses).toEqual(['Validating', 'InProgress', 'Completed']);
    const out = lines((await read(`${OUTPUT}${jobArn.split('/').pop()}/job.jsonl.out`)).text);
    expect(out).toHaveLength(100);
    expect(new Set(out.map((l) => l.modelOutput!.content[0].text))).toEqual(new Set([UNSCRIPTED_RECORD_TEXT]));
  });

  it('creates one job per clientRequestToken, however often it is sent', async () => {
    await put('input/job.jsonl', jsonl(0, 100));
    fake.scriptBatch(
      { inProgressPolls: 0, outcome: { status: 'Failed', message: 'first' } },
      { inProgressPolls: 0, outcome: { status: 'Failed', message: 'second' } },
    );
    const input = `s3://${BUCKET}/input/job.jsonl`;
    const once = await create(input, { clientRequestToken: 'attributes-run-7' });
    const again = await create(input, { clientRequestToken: 'attributes-run-7' });
    expect(again.jobArn).toBe(once.jobArn);
    expect((await pollToEnd(once.jobArn!)).at(-1)).toMatchObject({ status: 'Failed', message: 'first' });
    const other = await create(input, { clientRequestToken: 'attributes-run-8' });
    expect((await pollToEnd(other.jobArn!)).at(-1)).toMatchObject({ status: 'Failed', message: 'second' });
  });

  it('fails validation at the first poll as Bedrock does, without counts', async () => {
    const brokenLine = jsonl(0, 120, (n) => (n === 7 ? 'not json' : record(n)));
    const withoutVersion = jsonl(0, 120, (n) => ({
      recordId: `rec-${n}`,
      modelInput: { ...modelInput(n), anthropic_version: undefined },
    }));
    const cases = [
      ['small/', jsonl(0, 50), /50 records, fewer than Bedrock's minimum of 100 records per batch inference job/],
      [
        'broken/',
        brokenLine,
        /Line 8 of s3:\/\/swatchbook-batch\/broken\/in.jsonl is not a JSON object with a modelInput/,
      ],
      ['anthropic/', withoutVersion, /Record rec-0 .*needs anthropic_version, max_tokens and a messages array/],
    ] as const;
    for (const [prefix, body, message] of cases) {
      await put(`${prefix}in.jsonl`, body);
      const { jobArn } = await create(`s3://${BUCKET}/${prefix}`);
      const failed = await get(jobArn!);
      expect(failed).toMatchObject({ status: 'Failed', message: expect.stringMatching(message) });
      expect(failed.totalRecordCount).toBeUndefined();
      expect(failed.endTime).toBeInstanceOf(Date);
    }
    const { jobArn } = await create(`s3://${BUCKET}/nothing-here/`);
    expect((await get(jobArn!)).message).toBe(`No .jsonl input was found at s3://${BUCKET}/nothing-here/.`);
  });

  it('a Failed outcome says why, and writes nothing', async () => {
    const jobArn = await startJob(100, { outcome: { status: 'Failed', message: 'Internal failure, try again.' } });
    const answers = await pollToEnd(jobArn);
    expect(answers.map((a) => a.status)).toEqual(['Validating', 'InProgress', 'Failed']);
    expect(answers.at(-1)).toMatchObject({ message: 'Internal failure, try again.', totalRecordCount: 100 });
    expect(await fake.s3Object(`${OUTPUT}${jobArn.split('/').pop()}/manifest.json.out`)).toBeUndefined();
  });

  it('stops: Stopping at the next poll, then Stopped for good, and refuses to stop again', async () => {
    const jobArn = await startJob(100, { inProgressPolls: Infinity });
    expect((await get(jobArn)).status).toBe('Validating');
    const running = [await get(jobArn), await get(jobArn), await get(jobArn)];
    expect(running.map((a) => a.processedRecordCount)).toEqual([50, 66, 75]);
    await control.send(new StopModelInvocationJobCommand({ jobIdentifier: jobArn }));
    expect(fake.requests.at(-1)).toMatchObject({ api: 'stopModelInvocationJob', method: 'POST' });
    const statuses = [await get(jobArn), await get(jobArn), await get(jobArn)].map((a) => a.status);
    expect(statuses).toEqual(['Stopping', 'Stopped', 'Stopped']);
    const again = await failure(control.send(new StopModelInvocationJobCommand({ jobIdentifier: jobArn })));
    expect(again).toBeInstanceOf(ValidationException);
    expect(again.message).toMatch(/cannot be stopped: its status is Stopped/);
    expect(await fake.s3Object(`${OUTPUT}${jobArn.split('/').pop()}/manifest.json.out`)).toBeUndefined();
  });

  it('knows no job it did not create, and forgets its jobs on reset', async () => {
    const unknown = `arn:aws:bedrock:us-east-1:${FAKE_ACCOUNT_ID}:model-invocation-job/abcdef123456`;
    expect(await failure(get(unknown))).toBeInstanceOf(ResourceNotFoundException);
    const jobArn = await startJob(100);
    expect((await get(jobArn.split('/').pop()!)).jobArn).toBe(jobArn);
    fake.reset();
    expect(await failure(get(jobArn))).toBeInstanceOf(ResourceNotFoundException);
  });

  it('refuses a bad request at once, without using up the script', async () => {
    fake.scriptBatch({ outcome: { status: 'Expired', message: 'The job timed out.' } });
    await put('input/job.jsonl', jsonl(0, 100));
    const input = `s3://${BUCKET}/input/job.jsonl`;
    const refusals = [
      [() => create(input, { roleArn: 'arn:aws:iam::role/batch' }), /Value 'arn:aws:iam::role\/batch' at 'roleArn'/],
      [() => create(input, { jobName: '-starts-with-a-dash' }), /at 'jobName' failed to satisfy constraint/],
      [() => create('bucket/input.jsonl'), /at 'inputDataConfig.s3InputDataConfig.s3Uri'/],
    ] as const;
    for (const [call, message] of refusals) {
      const error = await failure(call());
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.message).toMatch(message);
    }
    const { jobArn } = await create(input);
    expect((await pollToEnd(jobArn!)).at(-1)).toMatchObject({ status: 'Expired', message: 'The job timed out.' });
  });

  it('answers batch operations with scripted control-plane behaviours too', async () => {
    const jobArn = await startJob(100);
    fake.scriptControl(...throttles(1));
    expect(await failure(get(jobArn))).toBeInstanceOf(ThrottlingException);
    expect((await get(jobArn)).status).toBe('Validating');
  });
});

describe('PutObject', () => {
  it('stores a streamed upload’s bytes, not its aws-chunked encoding', async () => {
    const parts = [Buffer.from('{"recordId":"a"}\n'), Buffer.from('{"recordId":"b"}\n')];
    await put('input/streamed.jsonl', Readable.from(parts), 34);
    expect(fake.requests.at(-1)?.headers).toMatchObject({ 'content-encoding': 'aws-chunked' });
    expect((await fake.s3Object(`s3://${BUCKET}/input/streamed.jsonl`))?.toString()).toBe(
      Buffer.concat(parts).toString(),
    );
  });

  it('refuses an unsigned upload with 403, and a body whose CRC32 does not match with 400 BadDigest', async () => {
    const upload = (headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(
          `${fake.s3Endpoint}/${BUCKET}/input/x.jsonl`,
          { method: 'PUT', headers },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        request.on('error', reject);
        request.end('{}\n');
      });
    expect((await upload({})).status).toBe(403);
    const scope = `${DEFAULT_FAKE_KEYS.accessKeyId}/20260101/us-east-1/s3/aws4_request`;
    const signed = `AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=host, Signature=0`;
    const mismatch = await upload({ authorization: signed, 'x-amz-checksum-crc32': 'AAAAAA==' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toContain('<Code>BadDigest</Code>');
    expect(await fake.s3Object(`s3://${BUCKET}/input/x.jsonl`)).toBeUndefined();
  });
});

/**
 * The streamed forced-tool call against the fake Bedrock over the real event-stream wire format: the answer
 * arrives in pieces, is validated only when whole, and a stream cut short, an exception event mid-stream or
 * Stop leave nothing behind but a clear error.
 */
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { streamForcedTool, StreamStoppedError } from '../../../electron/analysis/bedrock/forced-tool-stream';
import type { ForcedToolCall } from '../../../electron/analysis/bedrock/forced-tool';
import { startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const ANSWER = { productType: 'table lamp', sellingPoints: ['warm light', 'linen shade', 'brass base'] };

let fake: FakeBedrock;
let client: BedrockRuntimeClient;

beforeAll(async () => {
  fake = await startFakeBedrock();
  client = new BedrockRuntimeClient({
    endpoint: fake.runtimeEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake-secret' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await fake.close();
});
beforeEach(() => fake.reset());

const call: ForcedToolCall<z.ZodType<typeof ANSWER>> = {
  modelId: HAIKU,
  system: 'You describe products. Answer only through the tool.',
  content: [{ text: 'Product name: lamp.' }],
  tool: {
    name: 'record_product',
    description: 'Records the product.',
    schema: z.object({ productType: z.string(), sellingPoints: z.array(z.string()) }),
  },
  task: 'describe the product',
  maxTokens: 300,
  timeoutMs: 10_000,
};

describe('streamForcedTool over ConverseStream', () => {
  it('passes the answer on as it arrives and returns it validated once whole, with the time to its first piece', async () => {
    fake.script({ kind: 'stream', reply: { kind: 'toolUse', input: ANSWER }, chunkChars: 10, gapMs: 5 });
    const seen: string[] = [];
    const result = await streamForcedTool(client, call, { onText: (text) => seen.push(text) });
    expect(result.value).toEqual(ANSWER);
    expect(seen.length).toBe(Math.ceil(JSON.stringify(ANSWER).length / 10));
    expect(seen.at(-1)).toBe(JSON.stringify(ANSWER));
    expect(seen[0]).toBe(JSON.stringify(ANSWER).slice(0, 10));
    expect(result.firstTokenMs).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(fake.requests[0]).toMatchObject({ api: 'converseStream', modelId: HAIKU });
  });

  it('fails, keeping nothing, when the connection drops half-way', async () => {
    fake.script({
      kind: 'stream',
      reply: { kind: 'toolUse', input: ANSWER },
      chunkChars: 8,
      gapMs: 10,
      cutAfter: 3,
      cut: { kind: 'drop' },
    });
    const seen: string[] = [];
    await expect(streamForcedTool(client, call, { onText: (text) => seen.push(text) })).rejects.toThrow();
    expect(seen).toHaveLength(3);
  });

  it('fails with the service’s reason when an exception event arrives mid-stream', async () => {
    fake.script({
      kind: 'stream',
      reply: { kind: 'toolUse', input: ANSWER },
      chunkChars: 8,
      cutAfter: 2,
      cut: { kind: 'exception', type: 'modelStreamErrorException', message: 'The model stopped unexpectedly.' },
    });
    await expect(streamForcedTool(client, call, { onText: () => undefined })).rejects.toMatchObject({
      name: 'ModelStreamErrorException',
      message: 'The model stopped unexpectedly.',
    });
  });

  it('stops when the person presses Stop, and returns nothing of the answer', async () => {
    fake.script({ kind: 'stream', reply: { kind: 'toolUse', input: ANSWER }, chunkChars: 4, gapMs: 40 });
    const stop = new AbortController();
    const seen: string[] = [];
    const streaming = streamForcedTool(client, call, {
      onText: (text) => {
        seen.push(text);
        if (seen.length === 2) stop.abort();
      },
      signal: stop.signal,
    });
    await expect(streaming).rejects.toBeInstanceOf(StreamStoppedError);
    expect(seen).toHaveLength(2);
  });

  it('refuses a whole answer that does not fit the tool', async () => {
    fake.script({ kind: 'stream', reply: { kind: 'toolUseRaw', input: { productType: 3 }, name: 'record_product' } });
    await expect(streamForcedTool(client, call, { onText: () => undefined })).rejects.toThrow(
      /did not describe the product in the expected form/,
    );
  });
});

/**
 * The fake Bedrock speaks the real wire protocol: the real SDK clients, with their default
 * request handlers (HTTP/2 for the runtime, HTTP/1.1 for the control plane), talk to it.
 */
import http2 from 'node:http2';
import {
  BedrockClient,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  paginateListInferenceProfiles,
} from '@aws-sdk/client-bedrock';
import {
  AccessDeniedException,
  BedrockRuntimeClient,
  BedrockRuntimeServiceException,
  ConverseCommand,
  InvokeModelCommand,
  ThrottlingException,
  ValidationException,
  type ConverseResponse,
} from '@aws-sdk/client-bedrock-runtime';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contentFilterRefusal,
  imageTokenCount,
  INJECTION_PAYLOAD,
  PROFILE_TIMESTAMP,
  startFakeBedrock,
  type FakeBedrock,
  type KnownErrorType,
} from '../../support/fake-bedrock';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET_37 = 'anthropic.claude-3-7-sonnet-20250219-v1:0';
const SONNET_37_PROFILE = `us.${SONNET_37}`;
const ROUTER = 'arn:aws:bedrock:us-east-1:111122223333:default-prompt-router/anthropic.claude:1';
const credentials = { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake-secret' };
const ATTRIBUTES = { pattern: 'floral', colours: ['#c0392b', '#ffffff'], description: 'Red roses on white.' };

let fake: FakeBedrock;
let png: Buffer;
let bigPng: Buffer;
let runtime: BedrockRuntimeClient;

const redPng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#c0392b' } })
    .png()
    .toBuffer();

const runtimeClient = (maxAttempts = 1) =>
  new BedrockRuntimeClient({ endpoint: fake.runtimeEndpoint, region: 'us-east-1', credentials, maxAttempts });
const controlClient = () =>
  new BedrockClient({ endpoint: fake.controlEndpoint, region: 'us-east-1', credentials, maxAttempts: 1 });

/** The call the analyzer makes: an image, and a forced tool that is not the first declared. */
const analyse = (modelId: string, image = png) =>
  new ConverseCommand({
    modelId,
    system: [{ text: 'You label textile designs for a print library.' }],
    messages: [
      {
        role: 'user',
        content: [{ text: 'Label this design.' }, { image: { format: 'png', source: { bytes: image } } }],
      },
    ],
    toolConfig: {
      tools: [
        {
          toolSpec: {
            name: 'report_problem',
            inputSchema: { json: { type: 'object', properties: { reason: { type: 'string' } } } },
          },
        },
        {
          toolSpec: {
            name: 'record_attributes',
            inputSchema: {
              json: { type: 'object', properties: { pattern: { type: 'string' } }, required: ['pattern'] },
            },
          },
        },
      ],
      toolChoice: { tool: { name: 'record_attributes' } },
    },
    inferenceConfig: { maxTokens: 512, temperature: 0 },
  });

const toolUseOf = (out: ConverseResponse) => out.output?.message?.content?.find((block) => block.toolUse)?.toolUse;

/** Resolves to the rejection, so assertions can look at every field of the SDK's error. */
async function failure(call: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await call;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

/** A hand-made HTTP/2 request, for what the SDK would never send. */
async function rawRuntimeCall(path: string, headers: Record<string, string>, body: string) {
  const session = http2.connect(fake.runtimeEndpoint);
  try {
    return await new Promise<{ status: number; errorType: string; body: string }>((resolve, reject) => {
      const stream = session.request({
        ':method': 'POST',
        ':path': path,
        'content-type': 'application/json',
        ...headers,
      });
      let status = 0;
      let errorType = '';
      const chunks: Buffer[] = [];
      stream.on('response', (h) => {
        status = Number(h[':status']);
        errorType = String(h['x-amzn-errortype'] ?? '');
      });
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve({ status, errorType, body: Buffer.concat(chunks).toString('utf8') }));
      stream.on('error', reject);
      stream.end(body);
    });
  } finally {
    session.close();
  }
}

const SIGNED = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=AKIDFAKE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=00',
};

beforeAll(async () => {
  fake = await startFakeBedrock();
  [png, bigPng] = await Promise.all([redPng(300, 250), redPng(600, 500)]);
  runtime = runtimeClient();
});

afterAll(async () => {
  runtime?.destroy();
  await fake?.close();
});

beforeEach(() => fake.reset());

describe('Converse through the real BedrockRuntimeClient', () => {
  it('keeps the SDK default HTTP/2 handler and is answered over HTTP/2', async () => {
    expect(runtime.config.requestHandler.metadata?.handlerProtocol).toBe('h2');
    fake.script({ kind: 'toolUse', input: ATTRIBUTES });
    await runtime.send(analyse(HAIKU));
    expect(fake.requests.map((r) => r.httpVersion)).toEqual(['2.0']);
  });

  it.each([
    ['a model id with a colon', HAIKU, `/model/${encodeURIComponent(HAIKU)}/converse`],
    [
      'a cross-region inference profile id',
      SONNET_37_PROFILE,
      `/model/${encodeURIComponent(SONNET_37_PROFILE)}/converse`,
    ],
    ['a prompt router ARN', ROUTER, `/model/${encodeURIComponent(ROUTER)}/converse`],
  ])('answers an image with the scripted forced tool call for %s', async (_what, modelId, url) => {
    fake.script({ kind: 'toolUse', input: ATTRIBUTES, usage: { inputTokens: 1234, outputTokens: 56 } });
    const out = await runtime.send(analyse(modelId));

    expect(out.stopReason).toBe('tool_use');
    expect(toolUseOf(out)).toMatchObject({ name: 'record_attributes', input: ATTRIBUTES });
    expect(toolUseOf(out)?.toolUseId).toMatch(/^tooluse_[\w-]{22}$/);
    expect(out.usage).toEqual({ inputTokens: 1234, outputTokens: 56, totalTokens: 1290 });
    expect(out.metrics?.latencyMs).toBeGreaterThan(0);
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, requestId: expect.stringMatching(/^[\da-f-]{36}$/) });

    const [request] = fake.requests;
    expect(request).toMatchObject({ api: 'converse', modelId, url, method: 'POST', httpVersion: '2.0' });
    expect(request.auth).toEqual({ scheme: 'sigv4', accessKeyId: 'AKIDFAKE', region: 'us-east-1', service: 'bedrock' });
    expect(request.body).toMatchObject({
      messages: [
        {
          role: 'user',
          content: [
            { text: 'Label this design.' },
            { image: { format: 'png', source: { bytes: png.toString('base64') } } },
          ],
        },
      ],
      toolConfig: { toolChoice: { tool: { name: 'record_attributes' } } },
      inferenceConfig: { maxTokens: 512, temperature: 0 },
    });
  });

  it('reports which model a prompt router chose, by default and when scripted', async () => {
    const chosen =
      'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0';
    fake.script({ kind: 'toolUse', input: ATTRIBUTES }, { kind: 'toolUse', input: ATTRIBUTES, invokedModelId: chosen });
    const byDefault = await runtime.send(analyse(ROUTER));
    const scripted = await runtime.send(analyse(ROUTER));
    expect(byDefault.trace?.promptRouter?.invokedModelId).toBe(`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`);
    expect(scripted.trace?.promptRouter?.invokedModelId).toBe(chosen);
    fake.script({ kind: 'toolUse', input: ATTRIBUTES });
    expect((await runtime.send(analyse(HAIKU))).trace).toBeUndefined();
  });

  it('estimates usage when the script gives none: an image costs width × height / 750 tokens', async () => {
    fake.script({ kind: 'toolUse', input: ATTRIBUTES }, { kind: 'toolUse', input: ATTRIBUTES });
    const small = await runtime.send(analyse(HAIKU, png));
    const big = await runtime.send(analyse(HAIKU, bigPng));
    expect(big.usage!.inputTokens! - small.usage!.inputTokens!).toBe((600 * 500 - 300 * 250) / 750);
    expect(small.usage!.inputTokens).toBeGreaterThan((300 * 250) / 750);
    expect(small.usage!.outputTokens).toBeGreaterThan(0);
    expect(small.usage!.totalTokens).toBe(small.usage!.inputTokens! + small.usage!.outputTokens!);
  });

  it('reads JPEG sizes too, and charges the cap for formats it does not parse', async () => {
    const picture = sharp({ create: { width: 300, height: 250, channels: 3, background: '#c0392b' } });
    expect(imageTokenCount(await picture.clone().jpeg().toBuffer())).toBe(100);
    expect(imageTokenCount(await picture.clone().webp().toBuffer())).toBe(1600);
    expect(imageTokenCount(await redPng(3000, 2000))).toBe(1600);
  });

  it('replies with text only when the model ignores the tool', async () => {
    fake.script({ kind: 'text', text: '{"pattern": [' });
    const out = await runtime.send(analyse(HAIKU));
    expect(out.stopReason).toBe('end_turn');
    expect(out.output?.message).toEqual({ role: 'assistant', content: [{ text: '{"pattern": [' }] });
  });

  it('passes a raw tool input through verbatim, whatever its type', async () => {
    fake.script(
      { kind: 'toolUseRaw', input: { pattern: 42 } },
      { kind: 'toolUseRaw', input: 'not an object', name: 'made_up_tool' },
    );
    expect(toolUseOf(await runtime.send(analyse(HAIKU)))).toMatchObject({
      name: 'record_attributes',
      input: { pattern: 42 },
    });
    expect(toolUseOf(await runtime.send(analyse(HAIKU)))).toMatchObject({
      name: 'made_up_tool',
      input: 'not an object',
    });
  });

  it('carries a prompt injection in the chosen string fields only', async () => {
    fake.script({ kind: 'injection', base: ATTRIBUTES, fields: ['description', 'colours'] });
    const input = toolUseOf(await runtime.send(analyse(HAIKU)))?.input as typeof ATTRIBUTES;
    expect(input.pattern).toBe('floral');
    expect(input.description).toBe(`Red roses on white. ${INJECTION_PAYLOAD}`);
    expect(input.colours).toEqual(ATTRIBUTES.colours.map((c) => `${c} ${INJECTION_PAYLOAD}`));
  });

  it('answers with the fallback once the script runs out', async () => {
    fake.setFallback({ kind: 'toolUse', input: { pattern: 'plain' } });
    fake.script({ kind: 'toolUse', input: ATTRIBUTES });
    expect(toolUseOf(await runtime.send(analyse(HAIKU)))?.input).toEqual(ATTRIBUTES);
    expect(toolUseOf(await runtime.send(analyse(HAIKU)))?.input).toEqual({ pattern: 'plain' });
    expect(toolUseOf(await runtime.send(analyse(HAIKU)))?.input).toEqual({ pattern: 'plain' });
    expect(fake.pendingScript()).toEqual([]);
  });
});

describe('InvokeModel', () => {
  it('sends the raw body back with the metering headers, and records the request body', async () => {
    const images = [Buffer.from('fake image bytes').toString('base64')];
    fake.script({ kind: 'invoke', body: { images }, usage: { inputTokens: 12, outputTokens: 0 } });
    const request = { taskType: 'TEXT_IMAGE', textToImageParams: { text: 'a red rose' } };
    const out = await runtime.send(
      new InvokeModelCommand({
        modelId: 'amazon.nova-canvas-v1:0',
        contentType: 'application/json',
        accept: 'application/json',
        body: JSON.stringify(request),
      }),
    );
    expect(JSON.parse(out.body.transformToString())).toEqual({ images });
    expect(out.contentType).toBe('application/json');
    expect(fake.requests[0]).toMatchObject({
      api: 'invoke',
      modelId: 'amazon.nova-canvas-v1:0',
      body: request,
      httpVersion: '2.0',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
    });
  });

  it('surfaces a content-filter refusal as a ValidationException', async () => {
    fake.script(contentFilterRefusal());
    const error = await failure(
      runtime.send(new InvokeModelCommand({ modelId: 'amazon.nova-canvas-v1:0', body: '{}' })),
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toMatch(/blocked by our content filters/);
  });
});

describe('errors, as the SDK surfaces them', () => {
  const cases: [KnownErrorType, number, 'client' | 'server'][] = [
    ['ThrottlingException', 429, 'client'],
    ['AccessDeniedException', 403, 'client'],
    ['ValidationException', 400, 'client'],
    ['ResourceNotFoundException', 404, 'client'],
    ['ServiceUnavailableException', 503, 'server'],
    ['ModelTimeoutException', 408, 'client'],
    ['ModelNotReadyException', 429, 'client'],
    ['ModelErrorException', 424, 'client'],
    ['InternalServerException', 500, 'server'],
    ['ServiceQuotaExceededException', 400, 'client'],
    ['ExpiredTokenException', 403, 'client'],
    ['UnrecognizedClientException', 403, 'client'],
    ['InvalidSignatureException', 403, 'client'],
    ['IncompleteSignatureException', 403, 'client'],
  ];
  it.each(cases)('%s has its name, HTTP status %i and fault', async (type, status, fault) => {
    fake.script({ kind: 'error', type });
    const error = await failure(runtime.send(analyse(HAIKU)));
    expect(error).toBeInstanceOf(BedrockRuntimeServiceException);
    expect(error.name).toBe(type);
    expect(error.$fault).toBe(fault);
    expect(error.$metadata).toMatchObject({ httpStatusCode: status, attempts: 1 });
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('repeats the request’s Authorization header and session token when told to, as AWS does', async () => {
    const withToken = new BedrockRuntimeClient({
      endpoint: fake.runtimeEndpoint,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { ...credentials, sessionToken: 'IQoJfakeSessionToken' },
    });
    fake.script({ kind: 'error', type: 'IncompleteSignatureException', echoCredentials: true });
    const error = await failure(withToken.send(analyse(HAIKU)));
    withToken.destroy();
    expect(error.message).toMatch(/^Authorization header requires 'SignedHeaders' parameter\. Authorization=/);
    expect(error.message).toMatch(/Credential=AKIDFAKE\/\d{8}\/us-east-1\/bedrock\/aws4_request, SignedHeaders=/);
    expect(error.message).toMatch(/, Signature=[0-9a-f]{64}, /);
    expect(error.message).toMatch(/, X-Amz-Security-Token=IQoJfakeSessionToken$/);
  });

  it('uses the modelled exception classes where the SDK has them', async () => {
    fake.script(
      { kind: 'error', type: 'ThrottlingException' },
      { kind: 'error', type: 'AccessDeniedException', message: 'no model access' },
    );
    expect(await failure(runtime.send(analyse(HAIKU)))).toBeInstanceOf(ThrottlingException);
    const denied = await failure(runtime.send(analyse(HAIKU)));
    expect(denied).toBeInstanceOf(AccessDeniedException);
    expect(denied.message).toBe('no model access');
  });

  it('a throttle burst is retried by the SDK standard retry and then answered', async () => {
    fake.throttleBurst(2);
    fake.script({ kind: 'toolUse', input: ATTRIBUTES });
    const retrying = runtimeClient(3);
    try {
      const out = await retrying.send(analyse(HAIKU));
      expect(toolUseOf(out)?.input).toEqual(ATTRIBUTES);
      expect(out.$metadata.attempts).toBe(3);
      expect(fake.requests).toHaveLength(3);
    } finally {
      retrying.destroy();
    }
  });
});

describe('calls that never finish', () => {
  it('a hang is ended by the caller’s AbortController', async () => {
    fake.script({ kind: 'hang' });
    const abort = new AbortController();
    const started = Date.now();
    setTimeout(() => abort.abort(), 150);
    const error = await failure(runtime.send(analyse(HAIKU), { abortSignal: abort.signal }));
    expect(error.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a hang is ended by the per-request timeout', async () => {
    fake.script({ kind: 'hang' });
    const started = Date.now();
    const error = await failure(runtime.send(analyse(HAIKU), { requestTimeout: 200 }));
    expect(error.name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a delay answers late, and close() does not wait for a hung call', async () => {
    const own = await startFakeBedrock();
    const client = new BedrockRuntimeClient({
      endpoint: own.runtimeEndpoint,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
    try {
      own.script({ kind: 'delay', ms: 200, then: { kind: 'toolUse', input: ATTRIBUTES } }, { kind: 'hang' });
      const started = Date.now();
      expect(toolUseOf(await client.send(analyse(HAIKU)))?.input).toEqual(ATTRIBUTES);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);

      const hung = failure(client.send(analyse(HAIKU)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const closing = Date.now();
      await own.close();
      expect(Date.now() - closing).toBeLessThan(1_000);
      expect((await hung).message).toBeTruthy();
    } finally {
      client.destroy();
    }
  });
});

describe('dropped connections', () => {
  // The default handler opens a session per request; a handler given options pools sessions.
  const clients = {
    'default handler': () => runtime,
    'pooled sessions': () =>
      new BedrockRuntimeClient({
        endpoint: fake.runtimeEndpoint,
        region: 'us-east-1',
        credentials,
        maxAttempts: 1,
        requestHandler: { requestTimeout: 2_000 },
      }),
  };
  const surfaces = {
    disconnect: { name: 'TimeoutError', message: 'Unexpected error: http2 request did not get a response' },
    reset: {
      name: 'Error',
      code: 'ERR_HTTP2_STREAM_ERROR',
      message: 'Stream closed with error code NGHTTP2_INTERNAL_ERROR',
    },
  };
  describe.each(Object.keys(clients) as (keyof typeof clients)[])('with the %s', (which) => {
    it.each(['disconnect', 'reset'] as const)(
      'a %s surfaces as an error and the same client carries on',
      async (mode) => {
        const client = clients[which]();
        fake.script({ kind: 'drop', mode }, { kind: 'toolUse', input: ATTRIBUTES });
        const error = await failure(client.send(analyse(HAIKU)));
        expect(error).not.toBeInstanceOf(BedrockRuntimeServiceException);
        expect(error).toMatchObject(surfaces[mode]);
        expect(toolUseOf(await client.send(analyse(HAIKU)))?.input).toEqual(ATTRIBUTES);
        expect(fake.requests).toHaveLength(2);
        if (client !== runtime) client.destroy();
      },
    );
  });

  it('the SDK retries a disconnect by itself, but not a stream reset', async () => {
    const retrying = runtimeClient(3);
    try {
      fake.script({ kind: 'drop', mode: 'disconnect' }, { kind: 'toolUse', input: ATTRIBUTES });
      expect((await retrying.send(analyse(HAIKU))).$metadata.attempts).toBe(2);
      fake.script({ kind: 'drop', mode: 'reset' }, { kind: 'toolUse', input: ATTRIBUTES });
      expect(await failure(retrying.send(analyse(HAIKU)))).toMatchObject({ code: 'ERR_HTTP2_STREAM_ERROR' });
      expect(fake.pendingScript()).toHaveLength(1);
    } finally {
      retrying.destroy();
    }
  });
});

describe('what Bedrock refuses before any model runs', () => {
  it('an unsigned request gets 403 MissingAuthenticationTokenException', async () => {
    const reply = await rawRuntimeCall(`/model/${encodeURIComponent(HAIKU)}/converse`, {}, '{"messages":[]}');
    expect(reply.status).toBe(403);
    expect(reply.errorType).toMatch(/^MissingAuthenticationTokenException:/);
    expect(fake.requests[0].auth).toBeUndefined();
  });

  it('a Converse body that is not JSON gets 400 ValidationException', async () => {
    fake.script({ kind: 'toolUse', input: ATTRIBUTES });
    const reply = await rawRuntimeCall(`/model/${encodeURIComponent(HAIKU)}/converse`, SIGNED, '{"messages": [');
    expect(reply.status).toBe(400);
    expect(reply.errorType).toBe('ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    expect(JSON.parse(reply.body)).toEqual({ message: expect.any(String) });
    expect(fake.pendingScript()).toHaveLength(1);
  });

  it('the bare id of a model offered only through inference profiles is refused, as on Bedrock', async () => {
    fake.script({ kind: 'toolUse', input: ATTRIBUTES });
    const error = await failure(runtime.send(analyse(SONNET_37)));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toMatch(/on-demand throughput isn't supported/);
    expect(fake.pendingScript()).toHaveLength(1);
  });

  it('unknown model ids are refused when strict', async () => {
    const strict = await startFakeBedrock({ strictModelIds: true });
    const client = new BedrockRuntimeClient({
      endpoint: strict.runtimeEndpoint,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
    try {
      expect((await failure(client.send(analyse('anthropic.claude-9')))).message).toBe(
        'The provided model identifier is invalid.',
      );
      strict.script({ kind: 'toolUse', input: ATTRIBUTES });
      expect(toolUseOf(await client.send(analyse(SONNET_37_PROFILE)))?.input).toEqual(ATTRIBUTES);
    } finally {
      client.destroy();
      await strict.close();
    }
  });

  it('a behaviour scripted for the wrong operation fails loudly', async () => {
    fake.script({ kind: 'invoke', body: {} });
    const error = await failure(runtime.send(analyse(HAIKU)));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(/^fake-bedrock: invoke was scripted for a Converse request/);
  });
});

describe('control plane through the real BedrockClient', () => {
  let control: BedrockClient;
  beforeAll(() => {
    control = controlClient();
  });
  afterAll(() => control.destroy());

  it('lists the default foundation models over HTTP/1.1', async () => {
    const { modelSummaries } = await control.send(new ListFoundationModelsCommand({}));
    expect(modelSummaries?.map((m) => [m.modelId, m.modelLifecycle?.status])).toEqual([
      [HAIKU, 'ACTIVE'],
      ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'LEGACY'],
      [SONNET_37, 'ACTIVE'],
      ['amazon.nova-canvas-v1:0', 'ACTIVE'],
      ['amazon.nova-lite-v1:0', 'ACTIVE'],
    ]);
    expect(modelSummaries?.[2]).toEqual({
      modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${SONNET_37}`,
      modelId: SONNET_37,
      modelName: 'Claude 3.7 Sonnet',
      providerName: 'Anthropic',
      inputModalities: ['TEXT', 'IMAGE'],
      outputModalities: ['TEXT'],
      responseStreamingSupported: true,
      customizationsSupported: [],
      inferenceTypesSupported: ['INFERENCE_PROFILE'],
      modelLifecycle: { status: 'ACTIVE' },
    });
    expect(fake.requests[0]).toMatchObject({ api: 'listFoundationModels', method: 'GET', httpVersion: '1.1' });
  });

  it('filters foundation models by provider and output modality', async () => {
    const amazon = await control.send(new ListFoundationModelsCommand({ byProvider: 'amazon' }));
    expect(amazon.modelSummaries?.map((m) => m.modelName)).toEqual(['Nova Canvas', 'Nova Lite']);
    const images = await control.send(new ListFoundationModelsCommand({ byOutputModality: 'IMAGE' }));
    expect(images.modelSummaries?.map((m) => m.modelName)).toEqual(['Nova Canvas']);
  });

  it('lists inference profiles with dates the SDK parses', async () => {
    const { inferenceProfileSummaries } = await control.send(new ListInferenceProfilesCommand({}));
    expect(inferenceProfileSummaries).toHaveLength(1);
    const [profile] = inferenceProfileSummaries!;
    expect(profile).toMatchObject({
      inferenceProfileId: SONNET_37_PROFILE,
      inferenceProfileName: 'US Anthropic Claude 3.7 Sonnet',
      inferenceProfileArn: `arn:aws:bedrock:us-east-1:111122223333:inference-profile/${SONNET_37_PROFILE}`,
      status: 'ACTIVE',
      type: 'SYSTEM_DEFINED',
    });
    expect(profile.models?.map((m) => m.modelArn)).toContain(
      `arn:aws:bedrock:us-east-2::foundation-model/${SONNET_37}`,
    );
    expect(profile.createdAt).toEqual(new Date(PROFILE_TIMESTAMP));
    expect(profile.updatedAt).toBeInstanceOf(Date);
  });

  it('lists what setModels gives, a page at a time', async () => {
    fake.setModels([
      {
        modelId: 'a.one-v1:0',
        modelName: 'One',
        providerName: 'A',
        inputModalities: ['TEXT'],
        outputModalities: ['TEXT'],
        lifecycle: 'ACTIVE',
        inferenceTypes: ['INFERENCE_PROFILE'],
        profiles: ['us', 'eu'],
      },
      {
        modelId: 'b.two-v1:0',
        modelName: 'Two',
        providerName: 'B',
        inputModalities: ['TEXT'],
        outputModalities: ['TEXT'],
        lifecycle: 'LEGACY',
        inferenceTypes: ['ON_DEMAND', 'INFERENCE_PROFILE'],
        profiles: ['apac', 'global'],
      },
    ]);
    const ids: string[] = [];
    for await (const page of paginateListInferenceProfiles({ client: control, pageSize: 3 }, {})) {
      ids.push(...(page.inferenceProfileSummaries ?? []).map((p) => p.inferenceProfileId!));
    }
    expect(ids).toEqual(['us.a.one-v1:0', 'eu.a.one-v1:0', 'apac.b.two-v1:0', 'global.b.two-v1:0']);
    expect(fake.requests.map((r) => r.url)).toEqual([
      '/inference-profiles?maxResults=3',
      '/inference-profiles?maxResults=3&nextToken=3',
    ]);
  });

  it('surfaces scripted control-plane errors with their names', async () => {
    fake.scriptControl(
      { kind: 'error', type: 'ExpiredTokenException' },
      { kind: 'error', type: 'AccessDeniedException' },
    );
    const expired = await failure(control.send(new ListFoundationModelsCommand({})));
    expect(expired.name).toBe('ExpiredTokenException');
    expect(expired.$metadata).toMatchObject({ httpStatusCode: 403 });
    expect((await failure(control.send(new ListInferenceProfilesCommand({})))).name).toBe('AccessDeniedException');
    expect((await control.send(new ListFoundationModelsCommand({}))).modelSummaries).toHaveLength(5);
  });
});

/**
 * A fake Amazon Bedrock for tests: the runtime API over cleartext HTTP/2 and the control
 * plane over HTTP/1.1, on 127.0.0.1, speaking the real wire protocol so the real SDK
 * clients can be pointed at it with `endpoint` and fake static credentials. A third
 * listener plays the S3 bucket that batch inference jobs read their input from, and that
 * they and asynchronous jobs (Nova Reel) write their output to.
 */
import { asyncInvokeRefusal, asyncJobs } from './async-jobs';
import { batchJobRefusal, batchJobs } from './batch-jobs';
import {
  throttles,
  type AsyncJobBehaviour,
  type BatchJobBehaviour,
  type Behaviour,
  type ControlBehaviour,
  type InvokeBehaviour,
  type RuntimeAnswer,
} from './behaviours';
import { streamConverse } from './converse-stream';
import {
  DEFAULT_MODELS,
  foundationModelSummaries,
  inferenceProfileSummaries,
  modelIdRefusal,
  type FakeModel,
} from './catalogue';
import { converseReply } from './converse-reply';
import { errorReply, scriptMismatch } from './errors';
import { s3Reply, s3Route, type S3Objects } from './fake-s3';
import { invokeReply } from './invoke-reply';
import { listenHttp1, listenHttp2 } from './loopback-servers';
import { perform, send, type Timers } from './perform';
import {
  controlRoute,
  json,
  readAuth,
  readBody,
  runtimeRoute,
  type Api,
  type Auth,
  type IncomingCall,
  type Reply,
  type Route,
  type WireReply,
} from './wire';

export interface RecordedRequest {
  api: Api;
  /**
   * Decoded from the path (from the body for StartAsyncInvoke and CreateModelInvocationJob): a model id, an
   * inference profile id, or an ARN.
   */
  modelId?: string;
  /** Parsed JSON when the body is JSON, raw bytes otherwise, undefined when empty. */
  body: unknown;
  /** Lower-case names, without HTTP/2 pseudo-headers. */
  headers: Record<string, string>;
  at: number;
  method: string;
  /** Path and query, as sent (the model id still URL-encoded). */
  url: string;
  /** '2.0' for the runtime, '1.1' for the control plane and S3. */
  httpVersion: string;
  /** Who signed the request; absent when unsigned. */
  auth?: Auth;
}

export interface FakeBedrockOptions {
  /** What the account can see. Default: DEFAULT_MODELS. */
  models?: readonly FakeModel[];
  /** The answer when nothing is scripted. Default: a Converse text reply saying so. */
  fallback?: Behaviour;
  /** Refuse model ids that are neither in the catalogue nor ARNs, as Bedrock does. Default false. */
  strictModelIds?: boolean;
}

export interface FakeBedrock {
  /** For BedrockRuntimeClient's `endpoint` (cleartext HTTP/2). */
  readonly runtimeEndpoint: string;
  /** For BedrockClient's `endpoint` (HTTP/1.1). */
  readonly controlEndpoint: string;
  /** For S3Client's `endpoint`, with `forcePathStyle: true` (HTTP/1.1): where asynchronous jobs write. */
  readonly s3Endpoint: string;
  /** Every request received by any of the servers, in order. */
  readonly requests: readonly RecordedRequest[];
  /**
   * Queues behaviours, one per runtime request that reaches the model. An `asyncJob` answers
   * StartAsyncInvoke and decides what that job's GetAsyncInvoke polls say.
   */
  script(...behaviours: Behaviour[]): void;
  /** Queues behaviours for control-plane requests, batch inference ones included; when empty they answer as usual. */
  scriptControl(...behaviours: ControlBehaviour[]): void;
  /** Queues how batch inference jobs play out, one per CreateModelInvocationJob that creates a job. */
  scriptBatch(...behaviours: BatchJobBehaviour[]): void;
  /** An object in the fake S3, by its `s3://bucket/key` URI: what was uploaded, or what a job wrote. */
  s3Object(uri: string): Promise<Buffer | undefined>;
  /** Queues `n` ThrottlingExceptions. */
  throttleBurst(n: number): void;
  setFallback(behaviour: Behaviour): void;
  setModels(models: readonly FakeModel[]): void;
  /** What ApplyGuardrail answers from now on (default: NONE, the text passes). */
  setGuardrail(verdict: GuardrailVerdict): void;
  /** Runtime behaviours scripted but not yet used. */
  pendingScript(): readonly Behaviour[];
  /** Forgets requests, scripts, jobs (batch ones too) and S3 objects, and restores the starting fallback and models. */
  reset(): void;
  /** Closes the servers, dropping any open connection and hung call. */
  close(): Promise<void>;
}

/** What a Bedrock Guardrail says about the text it is shown. */
export interface GuardrailVerdict {
  action: 'NONE' | 'GUARDRAIL_INTERVENED';
  /** The guardrail's configured blocked-input message. */
  message?: string;
}

function guardrailReply(verdict: GuardrailVerdict): WireReply {
  const intervened = verdict.action === 'GUARDRAIL_INTERVENED';
  return json({
    action: verdict.action,
    ...(intervened ? { actionReason: 'Guardrail blocked.' } : {}),
    outputs: intervened ? [{ text: verdict.message ?? 'Sorry, this prompt is not allowed.' }] : [],
    assessments: [],
    usage: {
      topicPolicyUnits: 1,
      contentPolicyUnits: 1,
      wordPolicyUnits: 1,
      sensitiveInformationPolicyUnits: 1,
      sensitiveInformationPolicyFreeUnits: 0,
      contextualGroundingPolicyUnits: 0,
    },
  });
}

export const DEFAULT_FALLBACK: Behaviour = {
  kind: 'text',
  text: 'fake-bedrock: nothing was scripted for this request',
};

const DEFAULT_REGION = 'us-east-1';

export async function startFakeBedrock(options: FakeBedrockOptions = {}): Promise<FakeBedrock> {
  const requests: RecordedRequest[] = [];
  const runtimeScript: Behaviour[] = [];
  const controlScript: ControlBehaviour[] = [];
  const timers: Timers = new Set();
  let fallback = options.fallback ?? DEFAULT_FALLBACK;
  let models = options.models ?? DEFAULT_MODELS;
  // ApplyGuardrail answers from this verdict, without using up the runtime script.
  let guardrail: GuardrailVerdict = { action: 'NONE' };
  const s3Objects: S3Objects = new Map();
  const jobs = asyncJobs(s3Objects);
  const batch = batchJobs(s3Objects);

  const record = (call: IncomingCall, route: Route): RecordedRequest => {
    const auth = readAuth(call.headers.authorization);
    const body = readBody(call.body);
    const modelInBody = route.api === 'startAsyncInvoke' || route.api === 'createModelInvocationJob';
    const modelId = modelInBody ? (body as { modelId?: string } | undefined)?.modelId : route.modelId;
    const entry: RecordedRequest = {
      api: route.api,
      ...(modelId !== undefined ? { modelId } : {}),
      body,
      headers: call.headers,
      at: Date.now(),
      method: call.method,
      url: call.url,
      httpVersion: call.httpVersion,
      ...(auth ? { auth } : {}),
    };
    requests.push(entry);
    return entry;
  };

  /** What Bedrock says before any model runs, or undefined when the request gets that far. */
  const gatekeeper = (entry: RecordedRequest): WireReply | undefined => {
    if (!entry.auth) return errorReply('MissingAuthenticationTokenException');
    if (entry.api === 'unknown') {
      return errorReply('UnknownOperationException', `fake-bedrock does not implement ${entry.method} ${entry.url}`);
    }
    if (entry.api === 'converse' || entry.api === 'converseStream') {
      const body = entry.body as { messages?: unknown } | undefined;
      if (!body || Buffer.isBuffer(body) || typeof body !== 'object' || !Array.isArray(body.messages)) {
        return errorReply('ValidationException', 'The request body must be a JSON object with a messages array.');
      }
    }
    const badJob =
      entry.api === 'startAsyncInvoke'
        ? asyncInvokeRefusal(entry.body)
        : entry.api === 'createModelInvocationJob'
          ? batchJobRefusal(entry.body)
          : undefined;
    if (badJob) return errorReply('ValidationException', badJob);
    const refusal = entry.modelId && modelIdRefusal(models, entry.modelId, options.strictModelIds ?? false);
    return refusal ? errorReply('ValidationException', refusal) : undefined;
  };

  const regionOf = (entry: RecordedRequest) => (entry.auth?.scheme === 'sigv4' ? entry.auth.region : DEFAULT_REGION);

  const runtime = await listenHttp2((call: IncomingCall, reply: Reply) => {
    const route = runtimeRoute(call.method, call.url);
    const entry = record(call, route);
    const refused = gatekeeper(entry);
    if (refused) return send(reply, refused);
    if (entry.api === 'applyGuardrail') return send(reply, guardrailReply(guardrail));
    if (entry.api === 'getAsyncInvoke') return send(reply, jobs.poll(route.invocationArn));
    const context = () => ({
      modelId: entry.modelId ?? '',
      request: entry.body,
      region: regionOf(entry),
      startedAt: entry.at,
    });
    const scripted = runtimeScript.shift() ?? fallback;
    if (entry.api === 'converseStream' && CONVERSE_KINDS.has(scripted.kind)) {
      const b = scripted as Exclude<RuntimeAnswer, InvokeBehaviour | AsyncJobBehaviour>;
      return streamConverse(b.kind === 'stream' ? b : { kind: 'stream', reply: b }, reply, timers, context());
    }
    const answer = (b: RuntimeAnswer): WireReply => {
      const mismatch = () => scriptMismatch(`${b.kind} was scripted for ${OPERATIONS[entry.api]}`);
      if (b.kind === 'invoke') return entry.api === 'invoke' ? invokeReply(b, entry.at) : mismatch();
      if (b.kind === 'asyncJob') {
        return entry.api === 'startAsyncInvoke' ? jobs.start(b, entry.body, regionOf(entry)) : mismatch();
      }
      if (entry.api !== 'converse' || b.kind === 'stream') return mismatch();
      return converseReply(b, context());
    };
    perform(scripted, reply, timers, answer, call);
  });

  const control = await listenHttp1((call: IncomingCall, reply: Reply) => {
    const route = controlRoute(call.method, call.url);
    const entry = record(call, route);
    const refused = gatekeeper(entry);
    if (refused) return send(reply, refused);
    const query = new URLSearchParams(call.url.split('?')[1] ?? '');
    const answer = (): WireReply => {
      switch (entry.api) {
        case 'createModelInvocationJob':
          return batch.create(entry.body, regionOf(entry));
        case 'getModelInvocationJob':
          return batch.get(route.jobIdentifier);
        case 'stopModelInvocationJob':
          return batch.stop(route.jobIdentifier);
        case 'listFoundationModels':
          return json({ modelSummaries: foundationModelSummaries(models, regionOf(entry), query) });
        default: {
          // listInferenceProfiles: the gatekeeper lets no other operation through.
          const profiles = profilesOfType(inferenceProfileSummaries(models, regionOf(entry)), query);
          return json(page('inferenceProfileSummaries', profiles, query));
        }
      }
    };
    perform(controlScript.shift() ?? { kind: 'answer' }, reply, timers, answer, call);
  });

  const s3 = await listenHttp1(async (call: IncomingCall, reply: Reply) => {
    const route = s3Route(call.method, call.url);
    send(reply, await s3Reply(s3Objects, record(call, route), call, route.objectUri));
  });

  return {
    runtimeEndpoint: runtime.endpoint,
    controlEndpoint: control.endpoint,
    s3Endpoint: s3.endpoint,
    requests,
    script: (...behaviours) => void runtimeScript.push(...behaviours),
    scriptControl: (...behaviours) => void controlScript.push(...behaviours),
    scriptBatch: (...behaviours) => batch.script(...behaviours),
    s3Object: async (uri) => s3Objects.get(uri),
    throttleBurst: (n) => void runtimeScript.push(...throttles(n)),
    setFallback: (behaviour) => void (fallback = behaviour),
    setModels: (list) => void (models = list),
    setGuardrail: (verdict) => void (guardrail = verdict),
    pendingScript: () => [...runtimeScript],
    reset() {
      requests.length = 0;
      runtimeScript.length = 0;
      controlScript.length = 0;
      fallback = options.fallback ?? DEFAULT_FALLBACK;
      models = options.models ?? DEFAULT_MODELS;
      guardrail = { action: 'NONE' };
      jobs.clear();
      batch.clear();
      s3Objects.clear();
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([runtime.close(), control.close(), s3.close()]);
    },
  };
}

/** What a ConverseStream request may be answered with (a transport behaviour goes the usual way, before it streams). */
const CONVERSE_KINDS = new Set(['toolUse', 'toolUseRaw', 'text', 'injection', 'stream']);

/** How a mismatch names the operation a behaviour was scripted for. */
const OPERATIONS: Partial<Record<Api, string>> = {
  converse: 'a Converse request',
  converseStream: 'a ConverseStream request',
  invoke: 'an InvokeModel request',
  startAsyncInvoke: 'a StartAsyncInvoke request',
};

/** ListInferenceProfiles' `type` filter: every fake profile is SYSTEM_DEFINED. */
const profilesOfType = <T extends { type: string }>(profiles: T[], query: URLSearchParams) =>
  profiles.filter((p) => !query.get('type') || p.type === query.get('type'));

/** `maxResults` / `nextToken` paging; the token is the index of the next item. */
function page<T>(key: string, items: T[], query: URLSearchParams): Record<string, unknown> {
  const start = Number(query.get('nextToken') ?? 0);
  const size = Number(query.get('maxResults') ?? items.length) || items.length;
  const end = start + size;
  return { [key]: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
}

/** What arrives and what goes back, independent of HTTP/1.1 or HTTP/2. */

export type Api =
  | 'converse'
  | 'converseStream'
  | 'invoke'
  | 'applyGuardrail'
  | 'startAsyncInvoke'
  | 'getAsyncInvoke'
  | 'listFoundationModels'
  | 'listInferenceProfiles'
  | 'createModelInvocationJob'
  | 'getModelInvocationJob'
  | 'stopModelInvocationJob'
  | 's3GetObject'
  | 's3PutObject'
  | 'unknown';

export interface IncomingCall {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  httpVersion: string;
}

export interface WireReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** A reply written as it is made (an event stream); null from `open` when the client already went away. */
export interface ReplyWriter {
  write(bytes: Buffer): void;
  end(): void;
}

/** How the server ends a call. `drop` abandons it without an answer. */
export interface Reply {
  send(reply: WireReply): void;
  open(status: number, headers: Record<string, string>): ReplyWriter | null;
  drop(mode: 'disconnect' | 'reset'): void;
  /** The client went away (aborted, timed out, or the connection dropped). */
  readonly gone: boolean;
}

export type Auth = { scheme: 'sigv4'; accessKeyId: string; region: string; service: string } | { scheme: 'bearer' };

export interface Route {
  api: Api;
  modelId?: string;
  /** GetAsyncInvoke's job, decoded from the path. */
  invocationArn?: string;
  /** Get- and StopModelInvocationJob's batch inference job (its ARN or id), decoded from the path. */
  jobIdentifier?: string;
}

/**
 * Runtime paths carry the model id URL-encoded (':' and '/' too), e.g. `/model/us.anthropic...v1%3A0/converse`,
 * and so does GetAsyncInvoke its job's ARN: `/async-invoke/arn%3Aaws%3Abedrock%3A...%3Aasync-invoke%2F<id>`.
 */
export function runtimeRoute(method: string, url: string): Route {
  if (method === 'POST' && /^\/guardrail\/[^/]+\/version\/[^/]+\/apply(?:\?|$)/.test(url))
    return { api: 'applyGuardrail' };
  if (method === 'POST' && /^\/async-invoke(?:\?|$)/.test(url)) return { api: 'startAsyncInvoke' };
  const job = /^\/async-invoke\/([^/?]+)(?:\?|$)/.exec(url);
  if (method === 'GET' && job) return { api: 'getAsyncInvoke', invocationArn: decodeURIComponent(job[1]) };
  const match = /^\/model\/([^/?]+)\/(converse-stream|converse|invoke)(?:\?|$)/.exec(url);
  if (method !== 'POST' || !match) return { api: 'unknown' };
  const api = match[2] === 'converse-stream' ? 'converseStream' : (match[2] as 'converse' | 'invoke');
  return { api, modelId: decodeURIComponent(match[1]) };
}

/** Batch inference jobs are named in the path by their ARN, URL-encoded as the runtime's model ids are. */
export function controlRoute(method: string, url: string): Route {
  const path = url.split('?')[0];
  if (method === 'GET' && path === '/foundation-models') return { api: 'listFoundationModels' };
  if (method === 'GET' && path === '/inference-profiles') return { api: 'listInferenceProfiles' };
  if (method === 'POST' && path === '/model-invocation-job') return { api: 'createModelInvocationJob' };
  const job = /^\/model-invocation-job\/([^/]+)(\/stop)?$/.exec(path);
  if (!job || method !== (job[2] ? 'POST' : 'GET')) return { api: 'unknown' };
  const api = job[2] ? 'stopModelInvocationJob' : 'getModelInvocationJob';
  return { api, jobIdentifier: decodeURIComponent(job[1]) };
}

/** Reads who signed the request; the signature itself is not checked (the keys are fake). */
export function readAuth(authorization: string | undefined): Auth | undefined {
  if (!authorization) return undefined;
  if (authorization.startsWith('Bearer ')) return { scheme: 'bearer' };
  const scope = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request,/.exec(authorization);
  if (!scope) return undefined;
  return { scheme: 'sigv4', accessKeyId: scope[1], region: scope[2], service: scope[3] };
}

/** Parsed JSON when the body is JSON, the raw bytes when it is not, undefined when empty. */
export function readBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return body;
  }
}

export const json = (value: unknown, headers: Record<string, string> = {}, status = 200): WireReply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

/**
 * What a failed Bedrock call means for the user and for the queue. The SDK names service
 * errors by their type (error.name); network failures carry Node's error codes.
 */
import type { ConnectionProblem, InvocationOutcome } from '../../../shared/model/ai';

export type FailureAction =
  /** Slow down and try the same job again later. */
  | 'throttle'
  /** Nothing will work until something outside changes (credentials, network, access): hold all remote jobs. */
  | 'hold'
  /** This job cannot succeed as it is: record the failure and go on. */
  | 'fail'
  /** A blip: try this job again a few times. */
  | 'retry';

export interface ClassifiedFailure {
  outcome: InvocationOutcome;
  problem: ConnectionProblem;
  action: FailureAction;
  /** One sentence for the user, naming the fix. Never includes credentials. */
  message: string;
}

/** No route to the service at all: waiting is all that helps. */
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);
/** A connection that broke mid-call: the next attempt usually works. */
const DROPPED = /ECONNRESET|EPIPE|socket hang up|ERR_HTTP2|stream (was )?(closed|reset|cancel)|premature close|GOAWAY/i;

export function classifyBedrockError(error: unknown, context: { modelId: string; region: string }): ClassifiedFailure {
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name ?? '';
  const text = String(e?.message ?? error).slice(0, 300);
  const model = context.modelId;
  switch (name) {
    case 'CredentialsProviderError':
      return { outcome: 'denied', problem: 'no-credentials', action: 'hold', message: `No AWS credentials found: choose a profile or enter an access key in Settings (${text}).` };
    case 'ExpiredTokenException':
    case 'ExpiredToken':
    case 'TokenRefreshRequired':
      return { outcome: 'denied', problem: 'expired-token', action: 'hold', message: 'Your AWS session has expired: sign in again (for SSO profiles, run `aws sso login`) and retry.' };
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'SignatureDoesNotMatch':
    case 'MissingAuthenticationTokenException':
      return { outcome: 'denied', problem: 'invalid-credentials', action: 'hold', message: 'AWS did not accept these credentials: check the access key, secret and profile in Settings.' };
    case 'AccessDeniedException':
      return { outcome: 'denied', problem: 'access-denied', action: 'hold', message: `Access denied to ${model}: enable access to this model in the Bedrock console (Model access) for ${context.region}, or check your IAM permissions.` };
    case 'ResourceNotFoundException':
      return { outcome: 'error', problem: 'wrong-region', action: 'hold', message: `${model} is not available in ${context.region}: pick another region, or an inference profile id (e.g. "us." + the model id).` };
    case 'ThrottlingException':
    case 'ServiceQuotaExceededException':
    case 'TooManyRequestsException':
      return { outcome: 'throttled', problem: 'throttled', action: 'throttle', message: `Bedrock is throttling requests to ${model}: Swatchbook slows down and retries.` };
    case 'ValidationException':
      if (/model identifier is invalid|model.*not supported|on-demand throughput/i.test(text)) {
        return { outcome: 'error', problem: 'wrong-region', action: 'hold', message: `Bedrock does not accept the model id ${model} in ${context.region}: ${text}` };
      }
      if (/content filter|blocked|guardrail/i.test(text)) {
        return { outcome: 'blocked', problem: 'unknown', action: 'fail', message: `Bedrock blocked this request: ${text}` };
      }
      return { outcome: 'error', problem: 'unknown', action: 'fail', message: `Bedrock refused the request: ${text}` };
    case 'ModelTimeoutException':
    case 'ModelNotReadyException':
    case 'ServiceUnavailableException':
    case 'InternalServerException':
      return { outcome: 'error', problem: 'unknown', action: 'retry', message: `Bedrock could not answer right now (${name}); retrying.` };
    case 'AbortError':
    case 'TimeoutError':
    case 'RequestTimeout':
      return { outcome: 'timeout', problem: 'timeout', action: 'retry', message: `${model} did not answer in time; retrying.` };
  }
  if ((e?.code && OFFLINE_CODES.has(e.code)) || /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH/.test(text)) {
    return { outcome: 'offline', problem: 'offline', action: 'hold', message: 'Cannot reach Amazon Bedrock (offline or blocked network): remote jobs wait and resume when the connection is back.' };
  }
  if (DROPPED.test(`${e?.code ?? ''} ${text}`)) {
    return { outcome: 'offline', problem: 'offline', action: 'retry', message: 'The connection to Bedrock dropped mid-call; retrying.' };
  }
  const status = e?.$metadata?.httpStatusCode;
  if (status && status >= 500) return { outcome: 'error', problem: 'unknown', action: 'retry', message: `Bedrock answered with an error (${status}); retrying.` };
  return { outcome: 'error', problem: 'unknown', action: 'fail', message: `Bedrock call failed: ${name ? `${name}: ` : ''}${text}` };
}

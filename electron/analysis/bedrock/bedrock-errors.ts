/**
 * What a failed Bedrock call means for the user and for the queue. The SDK names service
 * errors by their type (error.name); network failures carry Node's error codes. The service's
 * own text is only ever passed on redacted: signature errors echo the request's credentials.
 */
import type { ConnectionProblem, InvocationOutcome, NotSentReason } from '../../../shared/model/ai';
import type { ClassifiedFailure, FailureAction } from '../remote-failure';
import {
  expiredSessionMessage,
  invalidCredentialsMessage,
  noCredentialsMessage,
  type CredentialAccess,
} from './credential-advice';
import { redactCredentials } from './redact-credentials';

export interface FailureContext extends CredentialAccess {
  modelId: string;
  region: string;
}

/** Longest excerpt of the service's own text that a message repeats. */
const EXCERPT = 300;
/** No route to the service at all: waiting is all that helps. */
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);
const OFFLINE_TEXT = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH/;
/** A connection that broke mid-call: the next attempt usually works. */
const DROPPED = /ECONNRESET|EPIPE|socket hang up|ERR_HTTP2|stream (was )?(closed|reset|cancel)|premature close|GOAWAY/i;
/** The SDK could not build credentials (nothing configured, a missing profile, SSO signed out): nothing was sent. */
const LOCAL_CREDENTIAL_ERRORS = new Set(['CredentialsProviderError', 'TokenProviderError']);
/** AWS's front door refused the signature or the key: their text may echo the Authorization header. */
const REJECTED_CREDENTIAL_ERRORS = new Set([
  'IncompleteSignatureException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'MissingAuthenticationTokenException',
  'InvalidClientTokenId',
]);

const failure = (
  outcome: InvocationOutcome,
  problem: ConnectionProblem,
  action: FailureAction,
  message: string,
  notSent: NotSentReason | null = null,
): ClassifiedFailure => ({ outcome, problem, action, message, notSent });

export function classifyBedrockError(error: unknown, context: FailureContext): ClassifiedFailure {
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name ?? '';
  // Redacted before it is cut short: a cut could leave a key id too short to recognise.
  const text = redactCredentials(String(e?.message ?? error)).slice(0, EXCERPT);
  return credentialFailure(name, text, context) ?? serviceFailure(name, text, context) ?? networkFailure(e, name, text);
}

function credentialFailure(name: string, text: string, access: CredentialAccess): ClassifiedFailure | null {
  if (LOCAL_CREDENTIAL_ERRORS.has(name)) {
    // A signed-out or expired SSO session is an expiry the user fixes by signing in, not missing setup.
    if (/SSO session|SSO token|token is expired/i.test(text)) {
      return failure('denied', 'expired-token', 'hold', expiredSessionMessage(access), 'no-credentials');
    }
    return failure('denied', 'no-credentials', 'hold', noCredentialsMessage(access), 'no-credentials');
  }
  if (REJECTED_CREDENTIAL_ERRORS.has(name)) {
    return failure('denied', 'invalid-credentials', 'hold', invalidCredentialsMessage(access));
  }
  if (['ExpiredTokenException', 'ExpiredToken', 'TokenRefreshRequired'].includes(name)) {
    return failure('denied', 'expired-token', 'hold', expiredSessionMessage(access));
  }
  return null;
}

function serviceFailure(name: string, text: string, context: FailureContext): ClassifiedFailure | null {
  const { modelId: model, region } = context;
  switch (name) {
    case 'AccessDeniedException':
      return failure(
        'denied',
        'access-denied',
        'hold',
        `Access denied to ${model}: enable access to this model in the ` +
          `Bedrock console (Model access) for ${region}, or check your IAM permissions.`,
      );
    case 'ResourceNotFoundException':
      return failure(
        'error',
        'wrong-region',
        'hold',
        `${model} is not available in ${region}: pick another region, ` +
          'or an inference profile id (e.g. "us." + the model id).',
      );
    case 'ThrottlingException':
    case 'ServiceQuotaExceededException':
    case 'TooManyRequestsException':
      return failure(
        'throttled',
        'throttled',
        'throttle',
        `Bedrock is throttling requests to ${model}: ` + 'Swatchbook slows down and retries.',
      );
    case 'ValidationException':
      if (/model identifier is invalid|model.*not supported|on-demand throughput/i.test(text)) {
        const message = `Bedrock does not accept the model id ${model} in ${region}: ${text}`;
        return failure('error', 'wrong-region', 'hold', message);
      }
      if (/content filter|blocked|guardrail/i.test(text)) {
        return failure('blocked', 'unknown', 'fail', `Bedrock blocked this request: ${text}`);
      }
      return failure('error', 'unknown', 'fail', `Bedrock refused the request: ${text}`);
    case 'ModelTimeoutException':
    case 'ModelNotReadyException':
    case 'ServiceUnavailableException':
    case 'InternalServerException':
      return failure('error', 'unknown', 'retry', `Bedrock could not answer right now (${name}); retrying.`);
    case 'AbortError':
    case 'TimeoutError':
    case 'RequestTimeout':
      return failure('timeout', 'timeout', 'retry', `${model} did not answer in time; retrying.`);
  }
  return null;
}

type NetworkError = { code?: string; $metadata?: { httpStatusCode?: number } };

function networkFailure(e: NetworkError, name: string, text: string): ClassifiedFailure {
  if ((e?.code && OFFLINE_CODES.has(e.code)) || OFFLINE_TEXT.test(text)) {
    const message =
      'Cannot reach Amazon Bedrock (offline or blocked network): ' +
      'remote jobs wait and resume when the connection is back.';
    return failure('offline', 'offline', 'hold', message, 'offline');
  }
  if (DROPPED.test(`${e?.code ?? ''} ${text}`)) {
    return failure('offline', 'offline', 'retry', 'The connection to Bedrock dropped mid-call; retrying.');
  }
  const status = e?.$metadata?.httpStatusCode;
  if (status && status >= 500) {
    return failure('error', 'unknown', 'retry', `Bedrock answered with an error (${status}); retrying.`);
  }
  return failure('error', 'unknown', 'fail', `Bedrock call failed: ${name ? `${name}: ` : ''}${text}`);
}

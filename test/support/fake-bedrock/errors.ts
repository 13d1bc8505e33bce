/**
 * Bedrock's error wire format (restJson1): an HTTP status, an `x-amzn-errortype` header
 * `<Name>:http://internal.amazon.com/coral/<namespace>/`, and a body `{"message": "..."}`.
 * The SDK takes the code from that header first (then `code`, then `__type` in the body)
 * and cuts it at the first ':', so `error.name` is `<Name>` even for names its model does
 * not declare, such as the auth-layer `ExpiredTokenException`.
 */
import type { WireReply } from './wire';

const BEDROCK = 'http://internal.amazon.com/coral/com.amazon.bedrock/';
/** Signature and token failures come from the shared AWS front door, not from Bedrock. */
const AUTH_LAYER = 'http://internal.amazon.com/coral/com.amazon.coral.service/';

const KNOWN = {
  ValidationException: { status: 400, message: 'Malformed input request, please reformat your input and try again.' },
  ServiceQuotaExceededException: { status: 400, message: 'Your request exceeds the service quota for your account.' },
  AccessDeniedException: { status: 403, message: "You don't have access to the model with the specified model ID." },
  ResourceNotFoundException: { status: 404, message: 'The requested model could not be found.' },
  ModelTimeoutException: {
    status: 408,
    message: 'Model has timed out in processing the request. Try your request again.',
  },
  ModelErrorException: { status: 424, message: 'The model returned an error while processing the request.' },
  ThrottlingException: { status: 429, message: 'Too many requests, please wait before trying again.' },
  ModelNotReadyException: {
    status: 429,
    message: 'Model is not ready for inference. Wait and try your request again.',
  },
  InternalServerException: {
    status: 500,
    message: 'The server encountered an internal error while processing the request.',
  },
  ServiceUnavailableException: { status: 503, message: 'Bedrock is unable to process your request.' },
  UnknownOperationException: { status: 404, message: 'Unknown operation.' },
  ExpiredTokenException: { status: 403, message: 'The security token included in the request is expired', auth: true },
  UnrecognizedClientException: {
    status: 403,
    message: 'The security token included in the request is invalid.',
    auth: true,
  },
  InvalidSignatureException: {
    status: 403,
    message: 'The request signature we calculated does not match the signature you provided.',
    auth: true,
  },
  MissingAuthenticationTokenException: { status: 403, message: 'Missing Authentication Token', auth: true },
  IncompleteSignatureException: {
    status: 403,
    message: "Authorization header requires 'SignedHeaders' parameter.",
    auth: true,
  },
} satisfies Record<string, { status: number; message: string; auth?: boolean }>;

export type KnownErrorType = keyof typeof KNOWN;
/** Any other name is sent as given, with status 400 unless the behaviour says otherwise. */
export type BedrockErrorType = KnownErrorType | (string & {});

/** `echo` follows the message: what the service repeats of the request. */
export function errorReply(type: BedrockErrorType, message?: string, status?: number, echo = ''): WireReply {
  const known: { status: number; message: string; auth?: boolean } | undefined = KNOWN[type as KnownErrorType];
  return {
    status: status ?? known?.status ?? 400,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': `${type}:${known?.auth ? AUTH_LAYER : BEDROCK}`,
    },
    body: JSON.stringify({ message: `${message ?? known?.message ?? type}${echo}` }),
  };
}

/** What AWS's signature errors repeat of the request: the whole Authorization header, and the session token. */
export function credentialEcho(headers: Record<string, string>): string {
  const token = headers['x-amz-security-token'];
  return ` Authorization=${headers.authorization ?? ''}${token ? `, X-Amz-Security-Token=${token}` : ''}`;
}

/** A test scripted something this request cannot answer: say so loudly, and not retryably. */
export const scriptMismatch = (what: string): WireReply => errorReply('ValidationException', `fake-bedrock: ${what}`);

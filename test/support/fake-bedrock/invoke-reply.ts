/** InvokeModel replies are raw: the body as given, with Bedrock's metering headers. */
import type { InvokeBehaviour } from './behaviours';
import type { WireReply } from './wire';

export function invokeReply(b: InvokeBehaviour, startedAt: number): WireReply {
  const body = Buffer.isBuffer(b.body) || typeof b.body === 'string' ? b.body : JSON.stringify(b.body);
  const usage: Record<string, string> = b.usage
    ? {
        'x-amzn-bedrock-input-token-count': String(b.usage.inputTokens),
        'x-amzn-bedrock-output-token-count': String(b.usage.outputTokens),
      }
    : {};
  return {
    status: b.status ?? 200,
    headers: {
      'content-type': b.contentType ?? 'application/json',
      'x-amzn-bedrock-invocation-latency': String(Math.max(1, Date.now() - startedAt)),
      ...usage,
      ...b.headers,
    },
    body,
  };
}

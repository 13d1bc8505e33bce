/**
 * Whether a logged request reached the service. New records say so (`notSent`); records
 * written before that field are read by the only messages the engine then wrote for requests
 * that never left the machine. Their latency cannot tell: it included resolving credentials.
 */
import type { Invocation, NotSentReason } from '../../shared/model/ai';

const LEGACY_NOT_SENT: readonly { outcome: Invocation['outcome']; detail: RegExp; reason: NotSentReason }[] = [
  { outcome: 'denied', detail: /^No AWS credentials found/, reason: 'no-credentials' },
  { outcome: 'offline', detail: /^Cannot reach Amazon Bedrock/, reason: 'offline' },
];

/** Why this request never left the machine, or null when it reached the service (a call). */
export function notSentReason(invocation: Invocation): NotSentReason | null {
  if (invocation.notSent !== undefined) return invocation.notSent;
  const { outcome, detail } = invocation;
  const legacy = LEGACY_NOT_SENT.find((l) => l.outcome === outcome && l.detail.test(detail ?? ''));
  return legacy?.reason ?? null;
}

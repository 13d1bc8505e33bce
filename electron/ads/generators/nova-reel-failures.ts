/**
 * How a Nova Reel job can end without a video, classified for the gateway's log and the queue. None is
 * retried by itself: a second job would be billed again while the first may still finish.
 */
import { redactCredentials } from '../../analysis/bedrock/redact-credentials';
import type { ClassifiedFailure } from '../../analysis/remote-failure';

/** Longest excerpt of the service's own text that a message repeats. */
const EXCERPT = 300;
const FILTERED = /content filter|blocked|moderat/i;

const ended = (outcome: ClassifiedFailure['outcome'], problem: ClassifiedFailure['problem'], message: string) =>
  ({ outcome, problem, action: 'fail', message, notSent: null }) satisfies ClassifiedFailure;

/** The job ran and failed: the service's reason, and what helps. */
export function reelFailed(failureMessage: string | undefined): ClassifiedFailure {
  const reason = sentence(redactCredentials(failureMessage?.trim() || 'no reason given').slice(0, EXCERPT));
  if (FILTERED.test(reason)) {
    return ended('blocked', 'unknown', `Nova Reel blocked the video: ${reason} Change the prompt or the start image.`);
  }
  return ended(
    'error',
    'unknown',
    `Nova Reel could not make the video: ${reason} Try again; if it fails again, check that your AWS ` +
      'credentials can write to the S3 output location in Settings → AI.',
  );
}

export function reelTimedOut(timeoutMs: number): ClassifiedFailure {
  return ended(
    'timeout',
    'timeout',
    `Nova Reel did not finish the video within ${seconds(timeoutMs)}. The job may still finish (and be billed): ` +
      'its video would appear in your S3 output location. Check there before trying again.',
  );
}

export function reelCancelled(): ClassifiedFailure {
  return ended(
    'error',
    'unknown',
    'Stopped waiting for the Nova Reel video, as asked. The job already started on AWS may still finish ' +
      '(and be billed): its video would appear in your S3 output location.',
  );
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
/** The service's reason is quoted as a sentence, so the advice after it reads as one too. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

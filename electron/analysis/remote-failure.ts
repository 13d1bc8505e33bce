/**
 * Failures of a remote model call in provider-neutral terms: what it means for the user (one
 * sentence) and for the queue (wait, slow down, retry, or give this job up). Each provider maps its
 * own errors onto these (bedrock/bedrock-errors.ts); nothing above the provider sees its types.
 */
import { UpstreamError } from '../../shared/errors';
import type { ConnectionProblem, InvocationOutcome, NotSentReason } from '../../shared/model/ai';
import type { FailureAction } from '../jobs';
import type { CallRecord } from './analyzer';

export type { FailureAction };

export interface ClassifiedFailure {
  outcome: InvocationOutcome;
  problem: ConnectionProblem;
  action: FailureAction;
  /** One sentence for the user, naming the fix. Never includes credentials. */
  message: string;
  /** Why the request never reached the service, or null when it did (it counts as a call). */
  notSent: NotSentReason | null;
}

/**
 * A failure of the service or the network, classified: a queue decides to wait, slow down or retry;
 * through the API it is a 502 whose message names the fix.
 */
export class RemoteCallError extends UpstreamError {
  constructor(readonly failure: ClassifiedFailure) {
    super(failure.message);
  }
}

/** An analyzer's batch that failed as a whole, with the calls it had already made (and paid for). */
export class AnalyzerFailure extends RemoteCallError {
  constructor(
    failure: ClassifiedFailure,
    readonly calls: CallRecord[],
    readonly latencyMs: number,
  ) {
    super(failure);
  }
}

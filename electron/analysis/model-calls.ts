import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { InvocationLog } from './invocation-log';
import { StreamStoppedError } from './bedrock/forced-tool-stream';
import { RemoteCallError, type ClassifiedFailure } from './remote-failure';

export interface CallMeta {
  modelId: string;
  promptVersion: string;
  /** The library images the call is about. */
  hashes: string[];
}

/** What a successful call cost, read from its result. */
export interface CallCost {
  costUsd: number;
  inputTokens?: number;
  outputTokens?: number;
  /** The service's own timing when it reports one; else the call is timed here. */
  latencyMs?: number;
}

export interface ModelCallsDeps {
  client: () => BedrockRuntimeClient;
  log: InvocationLog;
  classify: (error: unknown, modelId: string) => ClassifiedFailure;
}

const NOTHING_COUNTED = { inputTokens: 0, outputTokens: 0, costUsd: 0 };
/** AWS bills what the model wrote before Stop, but a stopped stream never reports how much. */
const STOPPED = {
  outcome: 'stopped' as const,
  detail: 'stopped by you while the answer streamed in; the tokens written until then are billed but not reported',
  notSent: null,
};

/**
 * The gateway for the ad studio's one-off model calls (product features, background removal, image
 * generation, guardrails): each call is timed, logged once with its cost or its classified failure, and a
 * failure leaves as a RemoteCallError whose message names the fix, never the service's raw text.
 */
export class ModelCalls {
  constructor(private readonly deps: ModelCallsDeps) {}

  async call<T>(
    meta: CallMeta,
    send: (client: BedrockRuntimeClient) => Promise<T>,
    cost: (result: T) => CallCost,
  ): Promise<T> {
    const started = performance.now();
    const entry = { ...meta, requestedModelId: meta.modelId, attempt: 0 };
    let result: T;
    try {
      result = await send(this.deps.client());
    } catch (error) {
      if (error instanceof StreamStoppedError) {
        this.deps.log.record({ ...entry, ...NOTHING_COUNTED, latencyMs: performance.now() - started, ...STOPPED });
        throw error;
      }
      const failure = error instanceof RemoteCallError ? error.failure : this.deps.classify(error, meta.modelId);
      this.deps.log.record({
        ...entry,
        inputTokens: 0,
        outputTokens: 0,
        latencyMs: performance.now() - started,
        costUsd: 0,
        outcome: failure.outcome,
        detail: failure.message,
        notSent: failure.notSent,
      });
      throw new RemoteCallError(failure);
    }
    const paid = cost(result);
    this.deps.log.record({
      ...entry,
      inputTokens: paid.inputTokens ?? 0,
      outputTokens: paid.outputTokens ?? 0,
      latencyMs: paid.latencyMs ?? performance.now() - started,
      costUsd: paid.costUsd,
      outcome: 'ok',
      detail: null,
      notSent: null,
    });
    return result;
  }
}

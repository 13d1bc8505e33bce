import { ConverseCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { ConnectionCheck, InvocationOutcome, NotSentReason } from '../../../shared/model/ai';
import { classifyBedrockError, type FailureContext } from './bedrock-errors';

export interface ConnectionTrial {
  check: ConnectionCheck;
  /** How the call went and the tokens it used, for the invocation log. */
  outcome: InvocationOutcome;
  usage: { inputTokens: number; outputTokens: number };
  /** Why the call never left this machine, or null when it reached the service. */
  notSent: NotSentReason | null;
}

/**
 * "Test connection": the smallest real call to the configured model (one token out), so
 * credentials, region, model access and the network are all tried, and each failure gets
 * its own message. Costs a fraction of a cent.
 */
export async function checkConnection(
  client: BedrockRuntimeClient,
  context: FailureContext,
  timeoutMs: number,
): Promise<ConnectionTrial> {
  const { modelId, region } = context;
  const started = performance.now();
  try {
    const output = await client.send(
      new ConverseCommand({
        modelId,
        messages: [{ role: 'user', content: [{ text: 'Reply with OK.' }] }],
        inferenceConfig: { maxTokens: 1 },
      }),
      { abortSignal: AbortSignal.timeout(timeoutMs) },
    );
    const latencyMs = Math.round(performance.now() - started);
    return {
      check: {
        ok: true,
        problem: null,
        message: `Connected: ${modelId} answered in ${region} in ${latencyMs} ms.`,
        modelId,
        region,
        latencyMs,
      },
      outcome: 'ok',
      usage: { inputTokens: output.usage?.inputTokens ?? 0, outputTokens: output.usage?.outputTokens ?? 0 },
      notSent: null,
    };
  } catch (error) {
    // The only abort here is the timeout's, which the classifier already reads as a timeout.
    const failure = classifyBedrockError(error, context);
    const message =
      failure.problem === 'timeout'
        ? `${modelId} did not answer within ${Math.round(timeoutMs / 1000)} s: check your network or proxy.`
        : failure.message;
    return {
      check: { ok: false, problem: failure.problem, message, modelId, region, latencyMs: null },
      outcome: failure.outcome,
      usage: { inputTokens: 0, outputTokens: 0 },
      notSent: failure.notSent,
    };
  }
}

import { ConverseStreamCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import { ConflictError } from '../../../shared/errors';
import { forcedToolRequest, validAnswer, type ForcedToolCall, type ForcedToolResult } from './forced-tool';

/** What a person watching the answer is shown as it arrives, and how they stop it. */
export interface StreamWatch {
  /** The tool's JSON so far (not valid JSON until the end). */
  onText(soFar: string): void;
  /** Aborted when the person presses Stop. */
  signal?: AbortSignal;
}

export interface StreamedToolResult<T> extends ForcedToolResult<T> {
  /** From sending the request to the first piece of the answer (ms). */
  firstTokenMs: number | null;
}

/** The person pressed Stop: nothing of the answer is kept (a 409 to the client that asked). */
export class StreamStoppedError extends ConflictError {
  constructor(readonly task: string) {
    super(`Stopped by you before the model finished: nothing of its answer (${task}) was kept.`);
  }
}

/**
 * The forced-tool call of forced-tool.ts over ConverseStream, for answers a person waits for: the tool's JSON
 * is passed on as it arrives and validated only when complete, exactly as the whole reply is. A stream cut
 * short (a dropped connection, an exception event) fails the call; so does Stop, and nothing partial is returned.
 */
export async function streamForcedTool<Schema extends z.ZodType>(
  client: BedrockRuntimeClient,
  call: ForcedToolCall<Schema>,
  watch: StreamWatch,
): Promise<StreamedToolResult<z.output<Schema>>> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const abortSignal = watch.signal ? AbortSignal.any([timeout, watch.signal]) : timeout;
  let json = '';
  let firstTokenMs: number | null = null;
  let usage = { inputTokens: 0, outputTokens: 0, latencyMs: 0 };
  try {
    const output = await client.send(new ConverseStreamCommand(forcedToolRequest(call)), { abortSignal });
    for await (const event of output.stream ?? []) {
      const piece = event.contentBlockDelta?.delta?.toolUse?.input;
      if (piece) {
        firstTokenMs ??= performance.now() - started;
        json += piece;
        watch.onText(json);
      }
      if (event.metadata)
        usage = {
          inputTokens: event.metadata.usage?.inputTokens ?? 0,
          outputTokens: event.metadata.usage?.outputTokens ?? 0,
          latencyMs: event.metadata.metrics?.latencyMs ?? performance.now() - started,
        };
    }
  } catch (error) {
    if (watch.signal?.aborted) throw new StreamStoppedError(call.task);
    throw error;
  }
  if (watch.signal?.aborted) throw new StreamStoppedError(call.task);
  return { value: parseAnswer(call, json), usage, firstTokenMs };
}

function parseAnswer<Schema extends z.ZodType>(call: ForcedToolCall<Schema>, json: string): z.output<Schema> {
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    throw new Error(
      `${call.modelId} did not ${call.task} in the expected form: the answer stopped before it was complete`,
    );
  }
  return validAnswer(call, input);
}

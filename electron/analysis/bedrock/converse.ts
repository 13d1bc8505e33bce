/**
 * One Converse exchange for a batch of designs: the call, then at most one corrective turn
 * that hands the model its validation errors (as a tool result) and asks again. Designs
 * still invalid after that are reported as failures, never stored as attributes.
 */
import {
  ConverseCommand,
  type BedrockRuntimeClient,
  type ConverseCommandOutput,
  type Message,
} from '@aws-sdk/client-bedrock-runtime';
import type { AnalyzerResult, CallRecord, DesignAnswer } from '../analyzer';
import { systemBlocks, toolConfig, TOOL_NAME, userMessage, type DesignRequest } from './prompt';
import { redactCredentials } from './redact-credentials';
import { parseReply, type ParsedReply } from './reply';

const MAX_OUTPUT_TOKENS_PER_DESIGN = 500;

export interface ConverseTarget {
  client: BedrockRuntimeClient;
  /** Model id, inference-profile id or prompt-router ARN. */
  modelId: string;
  timeoutMs: number;
  /** The system prompt in force (the attribute prompt with the team's notes). */
  system: string;
}

/** A call that failed at the service or the network; carries the calls made before it. */
export class ConverseFailure extends Error {
  constructor(
    readonly cause: unknown,
    readonly calls: CallRecord[],
    readonly latencyMs: number,
  ) {
    // Its own message may end up in a log: never the service's echo of the request's credentials.
    super(redactCredentials(cause instanceof Error ? cause.message : String(cause)));
  }
}

export async function converseDesigns(
  target: ConverseTarget,
  designs: readonly DesignRequest[],
  signal?: AbortSignal,
): Promise<AnalyzerResult> {
  const messages: Message[] = [userMessage(designs)];
  const calls: CallRecord[] = [];
  const first = await call(target, messages, designs.length, signal, calls, 0);
  const answers: DesignAnswer[] = designs.map((_, i) => answerOf(first.reply, i, first.modelId));
  if (first.reply.invalid.size === 0) return { answers, calls };

  messages.push(first.message, correction(first.reply));
  const second = await call(target, messages, designs.length, signal, calls, 1);
  for (const i of first.reply.invalid.keys()) answers[i] = answerOf(second.reply, i, second.modelId);
  return { answers, calls };
}

function answerOf(reply: ParsedReply, index: number, modelId: string): DesignAnswer {
  const attributes = reply.valid.get(index) ?? null;
  return { attributes, error: attributes ? null : (reply.invalid.get(index) ?? 'no answer'), modelId };
}

/** The validation errors go back as the tool's result, so the model corrects its own call. */
function correction(reply: ParsedReply): Message {
  const problems = [...reply.invalid].map(([i, reason]) => `Design ${i + 1}: ${reason}`).join('\n');
  const text = `These entries did not match the schema:\n${problems}\nCall ${TOOL_NAME} again with every design, corrected.`;
  if (reply.toolUseId) {
    return {
      role: 'user',
      content: [{ toolResult: { toolUseId: reply.toolUseId, status: 'error', content: [{ text }] } }],
    };
  }
  return { role: 'user', content: [{ text }] };
}

async function call(
  target: ConverseTarget,
  messages: Message[],
  designCount: number,
  signal: AbortSignal | undefined,
  calls: CallRecord[],
  attempt: number,
): Promise<{ reply: ParsedReply; message: Message; modelId: string }> {
  const timeout = AbortSignal.timeout(target.timeoutMs);
  const abortSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const started = performance.now();
  let output: ConverseCommandOutput;
  try {
    output = await target.client.send(
      new ConverseCommand({
        modelId: target.modelId,
        system: systemBlocks(target.system),
        messages,
        toolConfig: toolConfig(),
        inferenceConfig: { maxTokens: MAX_OUTPUT_TOKENS_PER_DESIGN * designCount, temperature: 0 },
      }),
      { abortSignal },
    );
  } catch (error) {
    // A timeout surfaces as an abort: name it so it is classified as one.
    const cause =
      timeout.aborted && !signal?.aborted
        ? Object.assign(new Error(`no answer within ${target.timeoutMs} ms`), { name: 'TimeoutError' })
        : error;
    throw new ConverseFailure(cause, calls, performance.now() - started);
  }
  const modelId = output.trace?.promptRouter?.invokedModelId ?? target.modelId;
  const message: Message = output.output?.message ?? { role: 'assistant', content: [] };
  const reply = parseReply(message.content, designCount);
  calls.push({
    requestedModelId: target.modelId,
    modelId,
    inputTokens: output.usage?.inputTokens ?? 0,
    outputTokens: output.usage?.outputTokens ?? 0,
    latencyMs: output.metrics?.latencyMs ?? performance.now() - started,
    attempt,
    invalid: reply.invalid.size,
    detail: reply.invalid.size ? [...reply.invalid.values()][0] : null,
  });
  return { reply, message, modelId };
}

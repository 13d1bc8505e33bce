import { ConverseCommand, type BedrockRuntimeClient, type ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';

export interface ForcedToolCall<Schema extends z.ZodType> {
  modelId: string;
  /** Says the content is data, never instructions, and that the tool is the only answer. */
  system: string;
  content: ContentBlock[];
  tool: { name: string; description: string; schema: Schema };
  /** Names the answer in the error when the reply does not fit the schema ("describe the product"). */
  task: string;
  maxTokens: number;
  timeoutMs: number;
}

export interface ForcedToolResult<T> {
  value: T;
  usage: { inputTokens: number; outputTokens: number; latencyMs: number };
}

/** The request both the whole and the streamed call send: the tool is the only answer the model may give. */
export function forcedToolRequest<Schema extends z.ZodType>(call: ForcedToolCall<Schema>) {
  const { name, description, schema } = call.tool;
  return {
    modelId: call.modelId,
    system: [{ text: call.system }],
    messages: [{ role: 'user' as const, content: call.content }],
    toolConfig: {
      tools: [
        { toolSpec: { name, description, inputSchema: { json: z.toJSONSchema(schema, { io: 'input' }) as never } } },
      ],
      toolChoice: { tool: { name } },
    },
    inferenceConfig: { maxTokens: call.maxTokens, temperature: 0 },
  };
}

/** The tool's input checked against its schema: a reply that does not fit is an error naming the model and task. */
export function validAnswer<Schema extends z.ZodType>(call: ForcedToolCall<Schema>, input: unknown): z.output<Schema> {
  const parsed = call.tool.schema.safeParse(input);
  if (!parsed.success)
    throw new Error(
      `${call.modelId} did not ${call.task} in the expected form: ${parsed.error.issues[0]?.message ?? 'no answer'}`,
    );
  return parsed.data;
}

/**
 * One Converse call whose only possible answer is the given tool, its input validated against the
 * tool's schema: a reply that does not fit is an error naming the model and the task, never a value.
 */
export async function callForcedTool<Schema extends z.ZodType>(
  client: BedrockRuntimeClient,
  call: ForcedToolCall<Schema>,
): Promise<ForcedToolResult<z.output<Schema>>> {
  const started = performance.now();
  const output = await client.send(new ConverseCommand(forcedToolRequest(call)), {
    abortSignal: AbortSignal.timeout(call.timeoutMs),
  });
  const input = output.output?.message?.content?.find((b) => b.toolUse?.name === call.tool.name)?.toolUse?.input;
  return {
    value: validAnswer(call, input),
    usage: {
      inputTokens: output.usage?.inputTokens ?? 0,
      outputTokens: output.usage?.outputTokens ?? 0,
      latencyMs: output.metrics?.latencyMs ?? performance.now() - started,
    },
  };
}

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

/**
 * One Converse call whose only possible answer is the given tool, its input validated against the
 * tool's schema: a reply that does not fit is an error naming the model and the task, never a value.
 */
export async function callForcedTool<Schema extends z.ZodType>(
  client: BedrockRuntimeClient,
  call: ForcedToolCall<Schema>,
): Promise<ForcedToolResult<z.output<Schema>>> {
  const started = performance.now();
  const { name, description, schema } = call.tool;
  const output = await client.send(
    new ConverseCommand({
      modelId: call.modelId,
      system: [{ text: call.system }],
      messages: [{ role: 'user', content: call.content }],
      toolConfig: {
        tools: [
          { toolSpec: { name, description, inputSchema: { json: z.toJSONSchema(schema, { io: 'input' }) as never } } },
        ],
        toolChoice: { tool: { name } },
      },
      inferenceConfig: { maxTokens: call.maxTokens, temperature: 0 },
    }),
    { abortSignal: AbortSignal.timeout(call.timeoutMs) },
  );
  const input = output.output?.message?.content?.find((b) => b.toolUse?.name === name)?.toolUse?.input;
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new Error(
      `${call.modelId} did not ${call.task} in the expected form: ${parsed.error.issues[0]?.message ?? 'no answer'}`,
    );
  return {
    value: parsed.data,
    usage: {
      inputTokens: output.usage?.inputTokens ?? 0,
      outputTokens: output.usage?.outputTokens ?? 0,
      latencyMs: output.metrics?.latencyMs ?? performance.now() - started,
    },
  };
}

/** Builds Converse response bodies: `{ output: { message }, stopReason, usage, metrics, trace? }`. */
import { randomBytes } from 'node:crypto';
import {
  injectedInput,
  type InjectionBehaviour,
  type TextBehaviour,
  type ToolUseBehaviour,
  type ToolUseRawBehaviour,
} from './behaviours';
import { foundationModelArn, HAIKU } from './catalogue';
import { scriptMismatch } from './errors';
import { estimateInputTokens, estimateOutputTokens } from './token-estimate';
import { json, type WireReply } from './wire';

export type ConverseBehaviour = ToolUseBehaviour | ToolUseRawBehaviour | TextBehaviour | InjectionBehaviour;

/** The parts of a Converse request body the fake reads. */
interface ConverseRequestBody {
  toolConfig?: {
    tools?: { toolSpec?: { name?: string } }[];
    toolChoice?: { tool?: { name?: string } };
  };
}

export interface ConverseContext {
  modelId: string;
  request: unknown;
  region: string;
  startedAt: number;
}

/** The tool a model would call: the forced one, else the first declared. */
function requestedToolName(request: unknown): string | undefined {
  const config = (request as ConverseRequestBody).toolConfig;
  return config?.toolChoice?.tool?.name ?? config?.tools?.find((t) => t.toolSpec?.name)?.toolSpec?.name;
}

const isPromptRouter = (modelId: string) => /^arn:aws[\w-]*:bedrock:[^:]*:\d*:(default-)?prompt-router\//.test(modelId);

/** Bedrock's tool-use ids look like `tooluse_` and 22 URL-safe characters. */
const toolUseId = () => `tooluse_${randomBytes(16).toString('base64url').slice(0, 22)}`;

export function converseReply(b: ConverseBehaviour, ctx: ConverseContext): WireReply {
  let content: unknown[];
  let stopReason = 'tool_use';
  if (b.kind === 'text') {
    content = [{ text: b.text }];
    stopReason = 'end_turn';
  } else {
    const name = (b.kind === 'toolUseRaw' ? b.name : undefined) ?? requestedToolName(ctx.request);
    if (name === undefined) return scriptMismatch(`${b.kind} was scripted but the request declares no tool`);
    const input = b.kind === 'injection' ? injectedInput(b) : b.input;
    const leading = b.kind === 'toolUse' && b.leadingText !== undefined ? [{ text: b.leadingText }] : [];
    content = [...leading, { toolUse: { toolUseId: toolUseId(), name, input } }];
  }
  const inputTokens = b.usage?.inputTokens ?? estimateInputTokens(ctx.request);
  const outputTokens = b.usage?.outputTokens ?? estimateOutputTokens(content);
  const invokedModelId =
    b.invokedModelId ?? (isPromptRouter(ctx.modelId) ? foundationModelArn(HAIKU, ctx.region) : undefined);
  return json({
    output: { message: { role: 'assistant', content } },
    stopReason: b.stopReason ?? stopReason,
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
    metrics: { latencyMs: Math.max(1, Date.now() - ctx.startedAt) },
    ...(invokedModelId ? { trace: { promptRouter: { invokedModelId } } } : {}),
  });
}

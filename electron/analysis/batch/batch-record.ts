/**
 * One image as a batch inference record, and its answer read back. Batch jobs take each model's native
 * InvokeModel body, so for Claude the attribute prompt is written in Anthropic's Messages format: the same
 * system prompt, the same forced tool and schema, the same images as an on-demand call about one design.
 * The answer goes through the same reader and schema as on-demand replies: nothing is trusted before that.
 */
import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { ModelAttributes } from '../../../shared/model/attributes';
import type { ModelImage } from '../model-input';
import { TOOL_NAME, TOOL_SCHEMA } from '../bedrock/prompt';
import { parseReply } from '../bedrock/reply';

const ANTHROPIC_VERSION = 'bedrock-2023-05-31';
/** As on demand: room for one design's entry in the tool call. */
const MAX_OUTPUT_TOKENS = 500;

/** Batch records here are Anthropic's format: Claude models and their cross-region profiles. */
export function isBatchableModel(modelId: string): boolean {
  return /^((us|eu|apac|us-gov|global|ca|jp|au)\.)?anthropic\.claude/.test(modelId);
}

/** The JSONL line for one image: the record id is its hash, so the output names whose answer it is. */
export function batchRecordLine(hash: string, system: string, images: readonly ModelImage[]): string {
  const content: unknown[] = [{ type: 'text', text: `Design 1: ${images.map((img) => img.role).join('; ')}.` }];
  for (const image of images) {
    content.push({
      type: 'image',
      source: { type: 'base64', media_type: `image/${image.format}`, data: image.bytes.toString('base64') },
    });
  }
  content.push({ type: 'text', text: 'Record the attributes of designs 1 to 1.' });
  const modelInput = {
    anthropic_version: ANTHROPIC_VERSION,
    max_tokens: MAX_OUTPUT_TOKENS,
    temperature: 0,
    system,
    messages: [{ role: 'user', content }],
    tools: [
      {
        name: TOOL_NAME,
        description: 'Records the attributes of each design in the request.',
        input_schema: TOOL_SCHEMA,
      },
    ],
    tool_choice: { type: 'tool', name: TOOL_NAME },
  };
  return `${JSON.stringify({ recordId: hash, modelInput })}\n`;
}

/** One record of the output: an answer that passed the schema, or why there is none. */
export interface RecordOutcome {
  hash: string;
  attributes: ModelAttributes | null;
  error: string | null;
  inputTokens: number;
  outputTokens: number;
}

interface AnthropicBlock {
  type?: string;
  id?: string;
  name?: string;
  input?: unknown;
  text?: string;
}

interface OutputLine {
  recordId?: unknown;
  modelOutput?: { content?: AnthropicBlock[]; usage?: { input_tokens?: number; output_tokens?: number } };
  error?: { errorCode?: unknown; errorMessage?: unknown };
}

/** Reads one output line; null when it is not a record at all (not JSON, no record id). */
export function readRecordLine(line: string): RecordOutcome | null {
  let parsed: OutputLine;
  try {
    parsed = JSON.parse(line) as OutputLine;
  } catch {
    return null;
  }
  if (typeof parsed?.recordId !== 'string' || !parsed.recordId) return null;
  const hash = parsed.recordId;
  const usage = parsed.modelOutput?.usage;
  const tokens = { inputTokens: usage?.input_tokens ?? 0, outputTokens: usage?.output_tokens ?? 0 };
  if (!parsed.modelOutput) {
    const message = String(parsed.error?.errorMessage ?? 'no answer in the output');
    return {
      hash,
      attributes: null,
      error: `Bedrock could not answer this record: ${message.slice(0, 300)}`,
      ...tokens,
    };
  }
  const reply = parseReply(asConverseContent(parsed.modelOutput.content ?? []), 1);
  const attributes = reply.valid.get(0) ?? null;
  return { hash, attributes, error: attributes ? null : (reply.invalid.get(0) ?? 'no answer'), ...tokens };
}

/** Anthropic's content blocks in the Converse shape the on-demand reader takes. */
function asConverseContent(blocks: readonly AnthropicBlock[]): ContentBlock[] {
  return blocks.map((block): ContentBlock => {
    if (block.type === 'tool_use') {
      return { toolUse: { toolUseId: block.id ?? '', name: block.name ?? '', input: block.input as never } };
    }
    return { text: block.text ?? '' };
  });
}

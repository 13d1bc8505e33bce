/**
 * Images as batch inference records, and their answers read back. Batch jobs take each model's native
 * InvokeModel body, so for Claude the on-demand call is written in Anthropic's Messages format: the same
 * system prompt, the same forced tool and schema, the same user message with several designs, as the
 * on-demand queue sends them (the fixed prompt is paid once per record, as once per call). The answers go
 * through the same reader and schema as on-demand replies: nothing is trusted before that.
 */
import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { ModelAttributes } from '../../../shared/model/attributes';
import { TOOL_NAME, TOOL_SCHEMA, userMessage, type DesignRequest } from '../bedrock/prompt';
import { parseReply } from '../bedrock/reply';

const ANTHROPIC_VERSION = 'bedrock-2023-05-31';
/** As on demand: room for each design's entry in the tool call. */
const MAX_OUTPUT_TOKENS_PER_DESIGN = 500;

/** Batch records here are Anthropic's format: Claude models and their cross-region profiles. */
export function isBatchableModel(modelId: string): boolean {
  return /^((us|eu|apac|us-gov|global|ca|jp|au)\.)?anthropic\.claude/.test(modelId);
}

/** The JSONL line for one record: the designs as the on-demand call would send them. */
export function batchRecordLine(recordId: string, system: string, designs: readonly DesignRequest[]): string {
  const modelInput = {
    anthropic_version: ANTHROPIC_VERSION,
    max_tokens: MAX_OUTPUT_TOKENS_PER_DESIGN * designs.length,
    temperature: 0,
    system,
    messages: [{ role: 'user', content: (userMessage(designs).content ?? []).map(asAnthropicBlock) }],
    tools: [
      {
        name: TOOL_NAME,
        description: 'Records the attributes of each design in the request.',
        input_schema: TOOL_SCHEMA,
      },
    ],
    tool_choice: { type: 'tool', name: TOOL_NAME },
  };
  return `${JSON.stringify({ recordId, modelInput })}\n`;
}

function asAnthropicBlock(block: ContentBlock): unknown {
  if (!block.image) return { type: 'text', text: block.text ?? '' };
  const data = Buffer.from(block.image.source?.bytes ?? new Uint8Array()).toString('base64');
  return { type: 'image', source: { type: 'base64', media_type: `image/${block.image.format}`, data } };
}

/** One record of the output: per design, an answer that passed the schema or why there is none. */
export interface RecordOutcome {
  recordId: string;
  designs: { attributes: ModelAttributes | null; error: string | null }[];
  /** Bedrock could not answer the record at all (no tokens were used). */
  failed: boolean;
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

/** Reads one output line of a record of `designCount` designs; null when it is not a record at all. */
export function readRecordLine(line: string, designCount: (recordId: string) => number): RecordOutcome | null {
  let parsed: OutputLine;
  try {
    parsed = JSON.parse(line) as OutputLine;
  } catch {
    return null;
  }
  if (typeof parsed?.recordId !== 'string' || !parsed.recordId) return null;
  const { recordId } = parsed;
  const count = designCount(recordId);
  if (count === 0) return null;
  const usage = parsed.modelOutput?.usage;
  const tokens = { inputTokens: usage?.input_tokens ?? 0, outputTokens: usage?.output_tokens ?? 0 };
  if (!parsed.modelOutput) {
    const message = String(parsed.error?.errorMessage ?? 'no answer in the output').slice(0, 300);
    const error = `Bedrock could not answer this record: ${message}`;
    return {
      recordId,
      designs: Array.from({ length: count }, () => ({ attributes: null, error })),
      failed: true,
      ...tokens,
    };
  }
  const reply = parseReply(asConverseContent(parsed.modelOutput.content ?? []), count);
  const designs = Array.from({ length: count }, (_, i) => ({
    attributes: reply.valid.get(i) ?? null,
    error: reply.valid.has(i) ? null : (reply.invalid.get(i) ?? 'no answer'),
  }));
  return { recordId, designs, failed: false, ...tokens };
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

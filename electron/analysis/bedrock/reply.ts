/**
 * Reads the model's tool call: one attribute set per design, each validated on its own, so
 * one bad entry costs a retry for that design only. Nothing from the reply is trusted
 * before it passes the schema; failures become short messages the model can act on.
 */
import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { ModelAttributes } from '../../../shared/model/attributes';
import { TOOL_NAME } from './prompt';

export interface ParsedReply {
  toolUseId: string | null;
  /** By design index (0-based). */
  valid: Map<number, ModelAttributes>;
  invalid: Map<number, string>;
}

const MAX_ERROR_CHARS = 400;

export function parseReply(content: readonly ContentBlock[] | undefined, designCount: number): ParsedReply {
  const toolUse = content?.find((block) => block.toolUse?.name === TOOL_NAME)?.toolUse;
  const valid = new Map<number, ModelAttributes>();
  const invalid = new Map<number, string>();
  const failAll = (reason: string) => {
    for (let i = 0; i < designCount; i++) invalid.set(i, reason);
    return { toolUseId: toolUse?.toolUseId ?? null, valid, invalid };
  };
  if (!toolUse) return failAll(`the reply did not call ${TOOL_NAME}`);
  const designs = (toolUse.input as { designs?: unknown } | undefined)?.designs;
  if (!Array.isArray(designs)) return failAll('"designs" must be a list with one entry per design');
  for (const entry of designs) {
    const index = designIndex(entry, designCount);
    if (index === null || valid.has(index)) continue;
    const parsed = ModelAttributes.safeParse(entry);
    if (parsed.success) {
      invalid.delete(index);
      valid.set(index, parsed.data);
    } else {
      invalid.set(index, describeIssues(parsed.error.issues));
    }
  }
  for (let i = 0; i < designCount; i++)
    if (!valid.has(i) && !invalid.has(i)) invalid.set(i, `design ${i + 1} is missing from "designs"`);
  return { toolUseId: toolUse.toolUseId ?? null, valid, invalid };
}

function designIndex(entry: unknown, designCount: number): number | null {
  const n = (entry as { design?: unknown } | null)?.design;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= designCount ? n - 1 : null;
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const text = issues.map((i) => `${i.path.map(String).join('.') || 'entry'}: ${i.message}`).join('; ');
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}…` : text;
}

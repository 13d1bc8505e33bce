import { describe, expect, it } from 'vitest';
import { packAnswer, unpackAnswer, type PackedAnswer } from '../../../electron/store/packed-answer';
import { storedLine } from '../../../electron/store/shard-file';
import type { ModelAnalysis } from '../../../shared/model';
import { answer, HAIKU } from '../../integration/review/review-fixture';

const HASH = 'a'.repeat(64);
const ROUTER = 'arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1';

/** What a shard file's line holds, read back as its reader does. */
const readBack = (record: ModelAnalysis) =>
  unpackAnswer(JSON.parse(storedLine('modelAnalyses', record)) as PackedAnswer);

describe('a model answer as a shard file holds it', () => {
  it('leaves out the requested model when it answered itself, a null escalation and the first schema; reads back whole', () => {
    const plain = answer(HASH, HAIKU);
    const line = JSON.parse(storedLine('modelAnalyses', plain)) as Record<string, unknown>;
    expect(line).not.toHaveProperty('requestedModelId');
    expect(line).not.toHaveProperty('escalatedFrom');
    expect(line).not.toHaveProperty('schemaVersion');
    expect(Object.keys(line).slice(0, 3)).toEqual(['hash', 'modelId', 'promptVersion']);
    expect(readBack(plain)).toEqual(plain);
  });

  it('keeps a router’s requested model, an escalation and a later schema, keys first', () => {
    const routed: ModelAnalysis = {
      ...answer(HASH, HAIKU),
      schemaVersion: 2,
      requestedModelId: ROUTER,
      escalatedFrom: 'amazon.nova-lite-v1:0',
    };
    const packed = packAnswer(routed);
    expect(Object.keys(packed).slice(0, 4)).toEqual(['hash', 'modelId', 'requestedModelId', 'promptVersion']);
    expect(packed).toHaveProperty('schemaVersion', 2);
    expect(readBack(routed)).toEqual(routed);
  });

  it('reads an older line that wrote every field as it is', () => {
    const full = answer(HASH, HAIKU);
    expect(unpackAnswer(JSON.parse(JSON.stringify(full)) as PackedAnswer)).toEqual(full);
  });
});

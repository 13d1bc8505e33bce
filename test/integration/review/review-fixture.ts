/** A real library of small generated images, each with one or two model answers recorded. */
import type { ModelAnalysis } from '../../../shared/model/ai';
import type { ReviewDecision } from '../../../shared/model/review';
import { ModelAttributes } from '../../../shared/model/attributes';
import { PROMPT_VERSION } from '../../../electron/analysis';
import { TYPICAL_REPLY } from '../../../electron/analysis/bedrock/prompt';
import { HAIKU } from '../../support/fake-bedrock/catalogue';
import { openGeneratedLibrary, type GeneratedLibrary } from '../../support/generated-library';
import { makeChecks, makePhotoLike, makeStripes } from '../../support/images';

export { HAIKU };
export const SONNET = 'us.anthropic.claude-sonnet-4-20250514-v1:0';

export function answer(hash: string, modelId: string, over: Partial<ModelAttributes> = {}, at = 1_000): ModelAnalysis {
  // ModelAttributes strips the tool entry's "design" number.
  const attributes = ModelAttributes.parse({ ...TYPICAL_REPLY, ...over });
  return {
    hash,
    modelId,
    requestedModelId: modelId,
    promptVersion: PROMPT_VERSION,
    schemaVersion: 1,
    attributes,
    confidence: 0.8,
    escalatedFrom: null,
    costUsd: 0.0004,
    at,
  };
}

/** A reviewer's accept of a Haiku answer's style on one image: one keypress on one field, as the store records it. */
export function acceptedStyle(hash: string, at: number, id: string, reviewer = 'Ann'): ReviewDecision {
  return {
    id,
    batch: id,
    at,
    reviewer,
    hash,
    field: 'style',
    action: 'accept',
    value: 'art deco',
    modelValue: 'art deco',
    previous: null,
    modelId: HAIKU,
    promptVersion: PROMPT_VERSION,
    undoes: [],
  };
}

export interface ReviewFixture extends GeneratedLibrary {
  /** By file name: prints/design-00.png first. */
  hashes: string[];
}

export async function openReviewFixture(count = 3): Promise<ReviewFixture> {
  // Every image differs (identical bytes would be one asset).
  const makers = [
    (i: number) =>
      makeStripes({
        width: 300,
        height: 200,
        period: 16 + i,
        orientation: 'vertical',
        colours: ['#1b2a4a', '#ffffff'],
      }),
    (i: number) => makeChecks({ width: 300, height: 300, period: 24 + i, colours: ['#d21f1f', '#ffffff'] }),
    (i: number) => makePhotoLike({ width: 320, height: 240, seed: i + 1 }),
  ];
  const names = Array.from({ length: count }, (_, i) => `prints/design-${String(i).padStart(2, '0')}.png`);
  const fixture = await openGeneratedLibrary(Object.fromEntries(names.map((name, i) => [name, makers[i % 3](i)])), {
    prefix: 'review',
  });
  const hashes = names.map((name) => fixture.hashOf(name));
  hashes.forEach((hash, i) =>
    fixture.engine.store.analysis.recordModelAnalysis(
      answer(hash, HAIKU, { description: `Haiku says design ${i}.` }, 1_000 + i),
    ),
  );
  return Object.assign(fixture, { hashes });
}

/**
 * The variant records a generation run queues: one per concept, format and count, numbered after the
 * variants of the same concept and format made before, seeded from one base so a run can be repeated.
 */
import { randomUUID } from 'node:crypto';
import { AD_FORMATS, type AdFormatId, type AdVariant, type Concept } from '../../shared/model/ads';

export interface PlannedVariant {
  concept: Concept;
  format: AdFormatId;
}

export interface RunSettings {
  campaignId: string;
  /** `local` or the image model id. */
  generator: string;
  baseSeed: number;
  live: boolean;
  now: number;
}

export function newVariants(
  plan: readonly PlannedVariant[],
  existing: readonly AdVariant[],
  run: RunSettings,
): AdVariant[] {
  // A variant's index counts the variants of its concept and format, earlier ones included.
  const counts = new Map<string, number>();
  return plan.map(({ concept, format }, i): AdVariant => {
    const key = `${concept.id}\n${format}`;
    const index =
      (counts.get(key) ?? existing.filter((e) => e.conceptId === concept.id && e.format === format).length) + 1;
    counts.set(key, index);
    const size = AD_FORMATS.find((f) => f.id === format)!;
    return {
      id: randomUUID(),
      campaignId: run.campaignId,
      conceptId: concept.id,
      format,
      index,
      seed: (run.baseSeed + i) % 2_147_483_646,
      generator: run.generator,
      state: 'queued',
      error: null,
      width: size.width,
      height: size.height,
      productBox: null,
      contrast: null,
      guardrail: [],
      attention: [],
      legibility: [],
      recipe: null,
      backgroundAssets: [],
      liveRequested: run.live,
      live: null,
      reel: null,
      prompt: concept.prompt,
      negativePrompt: concept.negativePrompt,
      costUsd: 0,
      review: 'pending',
      reviewer: null,
      reviewedAt: null,
      createdAt: run.now + i,
      parentId: null,
      edit: null,
    };
  });
}

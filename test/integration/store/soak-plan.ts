import { createHash } from 'node:crypto';
import type { Asset, ModelAnalysis } from '../../../shared/model';
import type { ReviewDecision } from '../../../shared/model/review';
import { answer, HAIKU } from '../review/review-fixture';
import { makeAsset } from '../../unit/store/synthetic-assets';

/** The soak's i-th image: content-addressed like a real one, so it spreads over every shard. */
export const soakHash = (i: number) => createHash('sha256').update(`soak-${i}`).digest('hex');

export function soakAsset(i: number): Asset {
  return makeAsset({
    hash: soakHash(i),
    path: `/library/soak/design-${i}.png`,
    palette: [
      ['navy', 0.6],
      ['cream', 0.4],
    ],
    pattern: 'stripes',
    addedAt: 1_700_000_000_000 + i,
  });
}

export const soakAnswer = (hash: string): ModelAnalysis => answer(hash, HAIKU, { description: `Soak ${hash}` });

/** The j-th decision, on the j-th image (the review pass goes through the library in order). */
export function soakDecision(j: number): ReviewDecision {
  return {
    id: `soak-decision-${j}`,
    batch: `soak-batch-${j}`,
    at: 1_800_000_000_000 + j,
    reviewer: 'Soak',
    hash: soakHash(j),
    field: 'style',
    action: 'accept',
    value: 'art deco',
    modelValue: 'art deco',
    previous: null,
    modelId: HAIKU,
    promptVersion: 'attributes-v1',
    undoes: [],
  };
}

import { createHash } from 'node:crypto';
import type { Asset, ModelAnalysis } from '../../../shared/model';
import type { ReviewDecision } from '../../../shared/model/review';
import { acceptedStyle, answer, HAIKU } from '../review/review-fixture';
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
export const soakDecision = (j: number): ReviewDecision =>
  acceptedStyle(soakHash(j), 1_800_000_000_000 + j, `soak-decision-${j}`, 'Soak');

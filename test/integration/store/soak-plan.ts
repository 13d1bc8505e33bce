import { createHash } from 'node:crypto';
import type { Asset, ModelAnalysis } from '../../../shared/model';
import type { ReviewDecision } from '../../../shared/model/review';
import type { LibraryStore } from '../../../electron/store';
import { acceptedStyle, answer, HAIKU, SONNET } from '../review/review-fixture';
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

/** The analysis pass: a second model's answer on each image, in order (as an escalation to a larger model). */
export const soakSecondOpinion = (hash: string): ModelAnalysis =>
  answer(hash, SONNET, { description: `Second look at ${hash}` }, 2_000);

/** How many images, from the first, have their second opinion: the pass goes in order, so they are a prefix. */
export function secondOpinionsIn(store: LibraryStore): number {
  const assets = store.stats().assets;
  let i = 0;
  while (i < assets && store.analysis.listModelAnalyses(soakHash(i)).some((a) => a.modelId === SONNET)) i++;
  return i;
}

/** The j-th decision, on the j-th image (the review pass goes through the library in order). */
export const soakDecision = (j: number): ReviewDecision =>
  acceptedStyle(soakHash(j), 1_800_000_000_000 + j, `soak-decision-${j}`, 'Soak');

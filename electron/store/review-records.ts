import type { ReviewRecords } from './library-store';
import type { RecordAccess } from './record-access';

/** The append-only review log and what it adds up to per item. */
export function reviewRecords({ state, mutate }: RecordAccess): ReviewRecords {
  const { review } = state;
  return {
    recordReviewDecisions: (decisions) =>
      void mutate({ type: 'recordReviewDecisions', decisions: structuredClone(decisions) }),
    reviewHistory: (hash) => structuredClone([...review.history(hash)]),
    listReviewDecisions: () => structuredClone(review.decisions),
    fieldReviews: (hash) => structuredClone(review.fields(hash)),
    reviewedHashes: () => [...review.reviewedHashes()],
    reviewVersion: () => review.version,
    reviewChangedSince: (version) => review.changedSince(version),
    reviewStatus: (hash) => review.status(hash),
    analysedHashes: () => [...state.analysis.hashes()],
    assetPaths: (hash) => state.index.pathsOf(hash),
    assetPathsVersion: () => state.index.pathsVersion,
  };
}

import path from 'node:path';
import type { Engine } from '../engine';
import {
  approvedCsv,
  approvedRecords,
  highlightsSummaryState,
  qualityReport,
  summariseHighlights,
  writeDistillation,
} from '../review';
import type { Handlers } from './handlers';

type ReviewMethod =
  | 'reviewQueue'
  | 'getReviewItem'
  | 'reviewDecide'
  | 'reviewUndo'
  | 'holdReviewItem'
  | 'releaseReviewItem'
  | 'getAssetLabels'
  | 'correctLabels'
  | 'undoLabelCorrection'
  | 'qualityReport'
  | 'summariseReviewHighlights'
  | 'exportReviewed'
  | 'exportDistillation';

/** The review half of the API. */
export function reviewApi(engine: Engine): Handlers<ReviewMethod> {
  const { store, review, corrections } = engine;
  const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
  return {
    reviewQueue: (query) => review.queueFor(query),
    getReviewItem: async ({ hash }) => review.item(hash),
    reviewDecide: async ({ hash, reviewer, decisions }) => review.decide(hash, reviewer, decisions),
    reviewUndo: async ({ hash, reviewer }) => review.undo(hash, reviewer),
    holdReviewItem: ({ hash, reviewer }) => review.leases.hold(hash, reviewer),
    releaseReviewItem: async ({ hash, reviewer }) => {
      await review.leases.release(hash, reviewer);
      return { ok: true as const };
    },
    getAssetLabels: async ({ hash }) => corrections.labels(hash),
    correctLabels: async ({ hashes, reviewer, corrections: changes }) => corrections.correct(hashes, reviewer, changes),
    undoLabelCorrection: async (target) => corrections.undo(target),
    qualityReport: async () => ({
      ...qualityReport(
        store.reviews.listReviewDecisions(),
        (hash) => store.analysis.listModelAnalyses(hash),
        store.corrections.listLabelCorrections(),
      ),
      highlights: review.highlights(engine.analysis.settings().trustedFields),
      highlightsSummary: highlightsSummaryState(store),
    }),
    summariseReviewHighlights: async ({ fresh, streamId }) => {
      const { analysis } = engine;
      const highlights = review.highlights(analysis.settings().trustedFields);
      return summariseHighlights({ store, analysis, highlights, now: Date.now() }, { fresh: fresh ?? false, streamId });
    },
    exportReviewed: async ({ format }) => {
      const records = approvedRecords(store);
      const content = format === 'json' ? `${JSON.stringify(records, null, 2)}\n` : approvedCsv(records);
      return { filename: `swatchbook-approved-${stamp()}.${format}`, content };
    },
    exportDistillation: async ({ s3Prefix, bucketOwner }) => {
      const folder = path.join(engine.dataDir, 'exports', `distillation-${stamp()}`);
      const result = await writeDistillation(store, path.join(folder, 'dataset.jsonl'), s3Prefix, bucketOwner);
      return { folder, lines: result.lines.length, images: result.images, skipped: result.skipped };
    },
  };
}

import path from 'node:path';
import type { Engine } from '../engine';
import { approvedCsv, approvedRecords, qualityReport, writeDistillation } from '../review';
import type { Handlers } from './handlers';

type ReviewMethod =
  | 'reviewQueue'
  | 'getReviewItem'
  | 'reviewDecide'
  | 'reviewUndo'
  | 'qualityReport'
  | 'exportReviewed'
  | 'exportDistillation';

/** The review half of the API. */
export function reviewApi(engine: Engine): Handlers<ReviewMethod> {
  const { store, review } = engine;
  const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
  return {
    reviewQueue: async (query) => review.queue(query),
    getReviewItem: async ({ hash }) => review.item(hash),
    reviewDecide: async ({ hash, reviewer, decisions }) => review.decide(hash, reviewer, decisions),
    reviewUndo: async ({ hash, reviewer }) => review.undo(hash, reviewer),
    qualityReport: async () =>
      qualityReport(store.reviews.listReviewDecisions(), (hash) => store.analysis.listModelAnalyses(hash)),
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

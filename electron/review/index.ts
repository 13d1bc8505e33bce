/** Human review of model answers and of local labels: the queue, decisions, corrections and undo, quality figures and exports. */
export { ReviewService, ReviewInputError } from './review-service';
export { LabelCorrectionService, CorrectionInputError } from './label-corrections';
export { qualityReport } from './quality-report';
export { highlightsSummaryState, summariseHighlights } from './highlights-summary';
export { currentAnalysis } from './current-analysis';
export {
  approvedRecords,
  approvedCsv,
  distillationDataset,
  writeDistillation,
  ConversationRecord,
  type ApprovedRecord,
} from './exports';
export { noReviewLeases, type ReviewLeases } from './review-leases';

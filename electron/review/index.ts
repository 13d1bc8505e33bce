/** Human review of model answers: the queue, decisions and undo, quality figures and exports. */
export { ReviewService, ReviewInputError } from './review-service';
export { qualityReport } from './quality-report';
export { currentAnalysis } from './current-analysis';
export {
  approvedRecords,
  approvedCsv,
  distillationDataset,
  writeDistillation,
  ConversationRecord,
  type ApprovedRecord,
} from './exports';

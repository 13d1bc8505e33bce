/** Exports of reviewed attributes: approved values as JSON or CSV, and a Bedrock distillation dataset. */
export { approvedRecords, type ApprovedRecord } from './approved-records';
export { approvedCsv } from './csv';
export {
  distillationDataset,
  writeDistillation,
  type DistillationOptions,
  type DistillationResult,
} from './distillation';
export { ConversationRecord } from './distillation-schema';

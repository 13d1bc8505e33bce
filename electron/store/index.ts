export { openLibraryStore } from './lowdb-library-store';
export type {
  AnalysisHead,
  AnalysisRecords,
  FileRecord,
  JobPatch,
  LibraryStats,
  LibraryStore,
  OpenLibraryStoreOptions,
  SnapshotAdapter,
} from './library-store';
export type { AnalysisJobPatch } from './analysis-state';
export {
  CorruptLibraryError,
  LibraryStoreError,
  NewerSchemaError,
  StoreClosedError,
  UnknownRecordError,
} from './errors';
export { LibraryLockedError } from './process-lock';

export { openLibraryStore } from './lowdb-library-store';
export { namedConcept } from './search';
export { libraryFilesIn } from './load-library';
export type {
  AnalysisHead,
  AnalysisRecords,
  CorrectionRecords,
  FileRecord,
  JobPatch,
  LibraryStats,
  LibraryStore,
  OpenLibraryStoreOptions,
  StoreOpenProgress,
  SnapshotAdapter,
} from './library-store';
export type { AnalysisJobPatch } from './analysis-state';
export type { LibraryOp } from './library-ops';
export { CorrectionState, type StandingCorrections } from './correction-state';
export { effectiveLabels, localLabels } from './effective-labels';
export {
  CorruptLibraryError,
  LibraryStoreError,
  NewerSchemaError,
  StoreClosedError,
  UnknownRecordError,
} from './errors';
export { LibraryLockedError } from './process-lock';
export { WriteHealth } from './write-health';
export { errnoOf, isTransientReadError, writeFaultOf } from './storage-faults';

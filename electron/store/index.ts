export { openLibraryStore } from './library-store';
export type { FileRecord, JobPatch, LibraryStats, LibraryStore, OpenLibraryStoreOptions, SnapshotAdapter } from './library-store';
export { CorruptLibraryError, LibraryStoreError, NewerSchemaError, StoreClosedError, UnknownRecordError } from './errors';
export { LibraryLockedError } from './process-lock';

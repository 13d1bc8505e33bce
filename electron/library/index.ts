export { Library, LibraryFolderError, type LibraryChange, type LibraryOptions } from './library';
export { PRIORITY } from './ingest-queue';
export type { IngestOutcome } from './ingest-file';
export { isIgnoredName, isImageFile } from './file-rules';

export { Library, type LibraryChange, type LibraryOptions, type ScanResult } from './library';
export { LibraryFolderError } from './folder-rules';
export { PRIORITY } from './ingest-queue';
export type { IngestClaims, IngestOutcome } from './ingest-file';
export { isIgnoredName, isImageFile } from './file-rules';
export { containedRealPath, isInside, realRoots, withinRoots } from './containment';

import type { LibraryDocument } from '../../electron/store/document';
import { libraryFilesIn } from '../../electron/store/load-library';
import { ShardedJsonFiles } from '../../electron/store/sharded-json-files';

/** The adapter the store uses for the library in dataDir. */
export function libraryFiles(dataDir: string): ShardedJsonFiles {
  const { snapshot, records } = libraryFilesIn(dataDir);
  return new ShardedJsonFiles(snapshot, records);
}

/** What is on disk (the last snapshot, without the journal), as one document. */
export async function readLibraryDocument(dataDir: string): Promise<LibraryDocument> {
  const doc = await libraryFiles(dataDir).read();
  if (!doc) throw new Error(`no library in ${dataDir}`);
  return doc;
}

import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { LibraryDocument } from './document';
import type { SnapshotAdapter } from './library-store';

const ITEMS_PER_CHUNK = 1000;

/**
 * The lowdb adapter for library.json. JSON.stringify of a 100,000-asset document blocks
 * the event loop for ~2 s and holds a second 250 MB copy; this serialises 1,000 items
 * at a time and streams them to a temp file (yielding at every write), then renames it
 * into place, so the file is always either the old or the new snapshot, like steno's.
 * Safe only because the document's objects are never mutated in place (see LibraryState).
 */
export class ChunkedJsonFile implements SnapshotAdapter {
  constructor(private readonly file: string) {}

  async read(): Promise<LibraryDocument | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as LibraryDocument;
  }

  async write(doc: LibraryDocument): Promise<void> {
    const temp = join(dirname(this.file), `.${basename(this.file)}.tmp`);
    const handle = await open(temp, 'w');
    try {
      for (const chunk of documentChunks(doc)) await handle.write(chunk);
      // The rename must not land before the data does, or a power cut could leave an empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
  }
}

/** The same text as JSON.stringify(doc), in pieces. */
export function* documentChunks(doc: LibraryDocument): Generator<string> {
  let separator = '{';
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    yield `${separator}${JSON.stringify(key)}:`;
    separator = ',';
    if (!Array.isArray(value)) {
      yield JSON.stringify(value);
      continue;
    }
    yield '[';
    for (let i = 0; i < value.length; i += ITEMS_PER_CHUNK) {
      const items = value.slice(i, i + ITEMS_PER_CHUNK).map((item) => JSON.stringify(item) ?? 'null');
      yield (i > 0 ? ',' : '') + items.join(',');
    }
    yield ']';
  }
  yield separator === '{' ? '{}' : '}';
}

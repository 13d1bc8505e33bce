/**
 * A real library (real ingest, real lowdb) over a temp folder of generated images, for the
 * integration fixtures: the files are written, the folder added, and the ingest finished.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Engine, type EngineOptions } from '../../electron/engine';
import { tempDirs } from './temp-dirs';

export interface GeneratedLibrary {
  /** Replaceable: a test that reopens the library puts the new engine here, and close() closes it. */
  engine: Engine;
  root: string;
  dataDir: string;
  /** The content hash the ingest gave the file at `relative` (a path under root). */
  hashOf(relative: string): string;
  close(): Promise<void>;
}

export interface GeneratedLibraryOptions extends Omit<EngineOptions, 'dataDir'> {
  /** Temp folder name prefix: `<prefix>-lib-` and `<prefix>-data-`. */
  prefix: string;
}

/** `files` maps paths under the library folder (sub-folders allowed) to their bytes. */
export async function openGeneratedLibrary(
  files: Record<string, Buffer | Promise<Buffer>>,
  { prefix, ...libraryOptions }: GeneratedLibraryOptions,
): Promise<GeneratedLibrary> {
  const dirs = tempDirs();
  const root = await dirs.make(`${prefix}-lib-`);
  for (const [relative, bytes] of Object.entries(files)) {
    const file = path.join(root, relative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, await bytes);
  }
  const dataDir = await dirs.make(`${prefix}-data-`);
  const first = await Engine.open({ ...libraryOptions, dataDir });
  await first.library.addFolder(root);
  await first.library.idle();
  const fixture: GeneratedLibrary = {
    engine: first,
    root,
    dataDir,
    hashOf(relative) {
      const hash = fixture.engine.store.getFile(path.join(root, relative))?.hash;
      if (!hash) throw new Error(`${relative} was not ingested`);
      return hash;
    },
    async close() {
      // Closing is idempotent: the first library may have been closed by the test already.
      await first.close();
      if (fixture.engine !== first) await fixture.engine.close();
      await dirs.cleanup();
    },
  };
  return fixture;
}

import fs from 'node:fs';
import path from 'node:path';
import { demoLibraryDirOf } from '../config/data-dir';
import { isInside } from './containment';
import type { ScanBounds } from './folder-scanner';
import { folderRefusal, LibraryFolderError } from './folder-rules';

/**
 * Where the library may reach on disk: which folders may be added (folder-rules.ts, on the
 * path given and on its real path, since a link to /proc is /proc), and where the data folder
 * sits inside a library folder (a home folder), so the scanner and the watcher step around it
 * instead of ingesting the thumbnail cache.
 */
export class FolderBounds {
  private constructor(
    private readonly dataDir: string,
    private readonly realDataDir: string,
  ) {}

  /** Call once the data folder exists. */
  static async of(dataDir: string): Promise<FolderBounds> {
    return new FolderBounds(path.resolve(dataDir), await fs.promises.realpath(dataDir));
  }

  /** The folder as it will be stored, or a LibraryFolderError saying why it may not be a library folder. */
  async check(folderPath: string): Promise<string> {
    const refusal = this.refusalOf(folderPath);
    if (refusal) throw new LibraryFolderError(refusal);
    const root = path.resolve(folderPath);
    const stat = await fs.promises.stat(root).catch(() => null);
    if (!stat) throw new LibraryFolderError(`folder not found: ${root}`);
    if (!stat.isDirectory()) throw new LibraryFolderError(`not a folder: ${root}`);
    const realRefusal = await this.realRefusalOf(root);
    if (realRefusal) throw new LibraryFolderError(realRefusal);
    return root;
  }

  /** Why a folder already in the library (added before these rules) is refused now, or null. */
  async refusal(root: string): Promise<string | null> {
    return this.refusalOf(root) ?? (await this.realRefusalOf(root));
  }

  private refusalOf(folder: string): string | null {
    return folderRefusal(folder, { dataDir: this.dataDir, appFolders: [demoLibraryDirOf(this.dataDir)] });
  }

  private async realRefusalOf(root: string): Promise<string | null> {
    const real = await fs.promises.realpath(root).catch(() => null);
    if (real === null) return null;
    const appFolders = [demoLibraryDirOf(this.realDataDir)];
    const refusal = folderRefusal(real, { dataDir: this.realDataDir, appFolders });
    return refusal && `${root} leads to ${real}: ${refusal}`;
  }

  /** What the scanner may walk, given the real paths of the library folders. */
  scanBounds(realRoots: readonly string[]): ScanBounds {
    return { roots: realRoots, skipped: [this.realDataDir] };
  }

  /**
   * Where the data folder appears under `root`, as the watcher reports paths (it does not
   * follow links, so only the root's own real path matters). Synchronous: a watcher is
   * created and extended synchronously.
   */
  skippedUnder(root: string): string[] {
    let realRoot: string;
    try {
      realRoot = fs.realpathSync(root);
    } catch {
      return [];
    }
    const found = new Set([this.dataDir]);
    if (isInside(realRoot, this.realDataDir)) found.add(path.join(root, path.relative(realRoot, this.realDataDir)));
    return [...found];
  }
}

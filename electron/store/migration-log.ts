import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShardId } from './record-shards';

/** The single-file library being moved into shards, as it was when read. */
export interface MigrationSource {
  size: number;
  mtimeMs: number;
}

interface LoggedMigration {
  source: MigrationSource;
  /** Per shard written so far, its file's size in bytes. */
  shards: Record<ShardId, number>;
}

/**
 * Which shard files of a move from one library.json into shards are complete on disk, so a move
 * cut short (a crash, a full disk) resumes where it stopped instead of writing everything again.
 * Only counts for the same library.json: a file changed since is moved again from the start.
 */
export class MigrationLog {
  private logged: LoggedMigration;

  constructor(
    private readonly recordsDir: string,
    source: MigrationSource,
  ) {
    this.logged = { source, shards: {} };
  }

  private get file(): string {
    return join(this.recordsDir, 'migration.json');
  }

  /** The shards a previous attempt finished, each still on disk at the size it was written. */
  async finished(shardFile: (id: ShardId) => string): Promise<Set<ShardId>> {
    const previous = await readLog(this.file);
    const same = previous?.source.size === this.logged.source.size;
    if (!previous || !same || previous.source.mtimeMs !== this.logged.source.mtimeMs) return new Set();
    const finished = new Set<ShardId>();
    for (const [id, bytes] of Object.entries(previous.shards)) {
      const size = await stat(shardFile(id)).then(
        (s) => s.size,
        () => -1,
      );
      if (size === bytes) finished.add(id);
    }
    this.logged.shards = Object.fromEntries([...finished].map((id) => [id, previous.shards[id]]));
    return finished;
  }

  async add(id: ShardId, bytes: number): Promise<void> {
    this.logged.shards[id] = bytes;
    const temp = `${this.file}.tmp`;
    await writeFile(temp, JSON.stringify(this.logged));
    await rename(temp, this.file);
  }

  async remove(): Promise<void> {
    await rm(this.file, { force: true });
  }
}

async function readLog(file: string): Promise<LoggedMigration | null> {
  try {
    const logged = JSON.parse(await readFile(file, 'utf8')) as LoggedMigration;
    return typeof logged?.shards === 'object' && typeof logged.source === 'object' ? logged : null;
  } catch {
    // Missing or torn: nothing to resume from.
    return null;
  }
}

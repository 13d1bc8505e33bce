import type { Low } from 'lowdb';
import { emptyDocument, type LibraryDocument } from './document';
import type { Journal } from './journal';
import type { LibraryState } from './library-state';
import type { ShardedJsonFiles } from './sharded-json-files';
import type { WriteHealth } from './write-health';

/**
 * Writes one snapshot of the library: the shards whose records changed, or the whole document when what is
 * on disk cannot be changed shard by shard (a migrated or recovered library, another adapter). The journal
 * starts its new tail at the instant the snapshot's content is captured and is cut to it once the snapshot is
 * in place; a refused snapshot leaves the previous one in force and puts the library in a storage fault.
 */
export class SnapshotWriter {
  constructor(
    private readonly low: Low<LibraryDocument>,
    private readonly journal: Journal,
    private readonly state: LibraryState,
    private readonly sharded: ShardedJsonFiles | null,
    private readonly storage: WriteHealth,
    /** Set when the next snapshot must write the whole document. */
    public wholeDocumentNext: boolean,
  ) {}

  async write(): Promise<void> {
    this.storage.requireWritable();
    try {
      await (this.wholeDocumentNext || !this.sharded ? this.writeWholeDocument() : this.writeShards(this.sharded));
    } catch (error) {
      throw this.storage.refused(error, this.storage.folder);
    }
  }

  private async writeShards(sharded: ShardedJsonFiles): Promise<void> {
    const head = this.state.toHead();
    const changes = this.state.changes.take();
    this.journal.beginRotation();
    try {
      await sharded.writeChanges(head, changes);
      this.journal.completeRotation();
    } catch (error) {
      this.journal.abortRotation();
      this.state.changes.restore(changes);
      throw error;
    }
  }

  private async writeWholeDocument(): Promise<void> {
    this.low.data = this.state.toDocument();
    // Whatever changes were collected are in the document; later ones go to the next snapshot.
    const changes = this.state.changes.take();
    this.journal.beginRotation();
    try {
      await this.low.write();
      this.journal.completeRotation();
      this.wholeDocumentNext = this.sharded === null;
    } catch (error) {
      this.journal.abortRotation();
      this.state.changes.restore(changes);
      throw error;
    } finally {
      // Do not keep the previous generation of every asset reachable until the next snapshot.
      this.low.data = emptyDocument();
    }
  }
}

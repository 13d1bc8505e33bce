import type { Collection, SavedSearch } from '../../shared/model';
import type { OrganisingOp } from './library-ops';

/**
 * Collections (boards) and saved searches. Membership is by content hash, so an asset keeps
 * its boards when it is renamed or moved. Like LibraryState, records are replaced, never mutated.
 */
export class OrganisingState {
  readonly collections = new Map<string, Collection>();
  readonly savedSearches = new Map<string, SavedSearch>();

  load(collections: readonly Collection[], savedSearches: readonly SavedSearch[]): void {
    for (const c of collections) this.collections.set(c.id, c);
    for (const s of savedSearches) this.savedSearches.set(s.id, s);
  }

  /** Returns the changed record (undefined when the id is unknown), or true for a deletion. */
  apply(op: OrganisingOp): Collection | SavedSearch | boolean | undefined {
    switch (op.type) {
      case 'createCollection':
        return this.putCollection({ id: op.id, name: op.name, hashes: [], createdAt: op.at });
      case 'renameCollection':
        return this.updateCollection(op.id, (c) => ({ ...c, name: op.name }));
      case 'deleteCollection':
        return this.collections.delete(op.id);
      case 'addToCollection':
        return this.updateCollection(op.id, (c) => ({ ...c, hashes: [...new Set([...c.hashes, ...op.hashes])] }));
      case 'removeFromCollection': {
        const removed = new Set(op.hashes);
        return this.updateCollection(op.id, (c) => ({ ...c, hashes: c.hashes.filter((h) => !removed.has(h)) }));
      }
      case 'saveSearch': {
        const saved: SavedSearch = { id: op.id, name: op.name, query: op.query, createdAt: op.at };
        this.savedSearches.set(op.id, saved);
        return saved;
      }
      case 'deleteSavedSearch':
        return this.savedSearches.delete(op.id);
    }
  }

  /** Hashes in any of the given collections (for the search filter). */
  members(ids: readonly string[]): Set<string> {
    const hashes = new Set<string>();
    for (const id of ids) for (const hash of this.collections.get(id)?.hashes ?? []) hashes.add(hash);
    return hashes;
  }

  private putCollection(collection: Collection): Collection {
    this.collections.set(collection.id, collection);
    return collection;
  }

  private updateCollection(id: string, change: (c: Collection) => Collection): Collection | undefined {
    const collection = this.collections.get(id);
    return collection && this.putCollection(change(collection));
  }
}

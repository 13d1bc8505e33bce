/** A record of an append-only log about one asset, possibly taking back earlier records by id. */
export interface UndoableRecord {
  id: string;
  hash: string;
  at: number;
  undoes: readonly string[];
}

/**
 * An append-only log of people's records, indexed by asset, where a later record undoes earlier
 * ones by id (review decisions and label corrections both work this way). Nothing is ever
 * removed, so two people never lose each other's records; only what stands follows the later one.
 */
export class UndoableLog<R extends UndoableRecord> {
  records: R[] = [];
  private readonly byHash = new Map<string, R[]>();
  private readonly undone = new Set<string>();

  /** Returns the hashes the new records are about. */
  append(records: readonly R[]): Set<string> {
    // A fresh array keeps a snapshot in progress serialising the old one intact.
    this.records = [...this.records, ...records];
    const hashes = new Set<string>();
    for (const record of records) {
      hashes.add(record.hash);
      const list = this.byHash.get(record.hash);
      if (list) list.push(record);
      else this.byHash.set(record.hash, [record]);
      for (const id of record.undoes) this.undone.add(id);
    }
    return hashes;
  }

  /** The same records in another order: a library read shard by shard puts them back in time order. */
  reorder(records: R[]): void {
    this.records = records;
  }

  history(hash: string): readonly R[] {
    return this.byHash.get(hash) ?? [];
  }

  has(hash: string): boolean {
    return this.byHash.has(hash);
  }

  hashes(): IterableIterator<string> {
    return this.byHash.keys();
  }

  /**
   * Per key, the latest record of an asset that counts (`counts`: not an undo record, say) and
   * was not undone: by time, then by order of arrival.
   */
  standing<K>(hash: string, keyOf: (record: R) => K, counts: (record: R) => boolean): Map<K, R> {
    const latest = new Map<K, R>();
    for (const record of this.history(hash)) {
      if (!counts(record) || this.undone.has(record.id)) continue;
      const key = keyOf(record);
      const current = latest.get(key);
      if (!current || record.at >= current.at) latest.set(key, record);
    }
    return latest;
  }
}

import type { Asset, LabelCorrection, ModelAnalysis } from '../../shared/model';
import type { ReviewDecision } from '../../shared/model/review';
import type { FileRecord } from './library-store';
import { shardOf, type ShardId, type ShardRecordsOf } from './record-shards';

/**
 * What happened to one shard's records since the last snapshot: records replaced (or removed,
 * as null) by key, and log records appended. Applied to the shard as last written, it gives
 * the shard as memory has it, so a snapshot never needs every record in hand.
 */
export interface ShardChange {
  assets: Map<string, Asset | null>;
  files: Map<string, FileRecord | null>;
  /** Per hash, all of its answers (answers are replaced per hash, never removed). */
  modelAnalyses: Map<string, readonly ModelAnalysis[]>;
  reviewDecisions: ReviewDecision[];
  labelCorrections: LabelCorrection[];
}

const emptyChange = (): ShardChange => ({
  assets: new Map(),
  files: new Map(),
  modelAnalyses: new Map(),
  reviewDecisions: [],
  labelCorrections: [],
});

/** Collects, per shard, the changes the next snapshot writes; a failed snapshot hands its share back. */
export class ShardChanges {
  private pending = new Map<ShardId, ShardChange>();

  get size(): number {
    return this.pending.size;
  }

  asset(hash: string, asset: Asset | null): void {
    this.of(hash).assets.set(hash, asset);
  }

  /** A file record lives in its asset's shard; one without an asset lives in library.json. */
  file(path: string, previousHash: string | null, record: FileRecord | null): void {
    const hash = record?.hash ?? null;
    if (previousHash !== null && (hash === null || shardOf(previousHash) !== shardOf(hash))) {
      this.of(previousHash).files.set(path, null);
    }
    if (hash !== null) this.of(hash).files.set(path, record);
  }

  modelAnalyses(hash: string, analyses: readonly ModelAnalysis[]): void {
    this.of(hash).modelAnalyses.set(hash, analyses);
  }

  reviewDecisions(decisions: readonly ReviewDecision[]): void {
    for (const decision of decisions) this.of(decision.hash).reviewDecisions.push(decision);
  }

  labelCorrections(corrections: readonly LabelCorrection[]): void {
    for (const correction of corrections) this.of(correction.hash).labelCorrections.push(correction);
  }

  /** Everything collected so far, for one snapshot; collecting starts afresh. */
  take(): Map<ShardId, ShardChange> {
    const taken = this.pending;
    this.pending = new Map();
    return taken;
  }

  /** Puts back what a failed snapshot took, under anything that changed since. */
  restore(taken: Map<ShardId, ShardChange>): void {
    for (const [id, older] of taken) {
      const newer = this.pending.get(id);
      this.pending.set(id, newer ? mergeChanges(older, newer) : older);
    }
  }

  private of(hash: string): ShardChange {
    const id = shardOf(hash);
    let change = this.pending.get(id);
    if (!change) this.pending.set(id, (change = emptyChange()));
    return change;
  }
}

function mergeChanges(older: ShardChange, newer: ShardChange): ShardChange {
  return {
    assets: new Map([...older.assets, ...newer.assets]),
    files: new Map([...older.files, ...newer.files]),
    modelAnalyses: new Map([...older.modelAnalyses, ...newer.modelAnalyses]),
    reviewDecisions: [...older.reviewDecisions, ...newer.reviewDecisions],
    labelCorrections: [...older.labelCorrections, ...newer.labelCorrections],
  };
}

/**
 * The shard after the change: replaced records keep their place, removed ones go, new ones
 * follow in the order they arrived, and log records are appended as they were made.
 */
export function applyShardChange<A extends { hash: string }>(
  stored: ShardRecordsOf<A>,
  change: ShardChange,
  toStored: (asset: Asset) => A,
): ShardRecordsOf<A> {
  const keptAnalyses = stored.modelAnalyses.filter((a) => !change.modelAnalyses.has(a.hash));
  return {
    assets: replaceByKey(stored.assets, change.assets, (a) => a.hash, toStored),
    files: replaceByKey(
      stored.files,
      change.files,
      (f) => f.path,
      (f) => f,
    ),
    modelAnalyses: [...keptAnalyses, ...[...change.modelAnalyses.values()].flat()],
    reviewDecisions: [...stored.reviewDecisions, ...change.reviewDecisions],
    labelCorrections: [...stored.labelCorrections, ...change.labelCorrections],
  };
}

function replaceByKey<S, R>(
  stored: readonly S[],
  replacements: ReadonlyMap<string, R | null>,
  keyOf: (record: S) => string,
  toStored: (record: R) => S,
): S[] {
  const placed = new Set<string>();
  const result: S[] = [];
  for (const record of stored) {
    const key = keyOf(record);
    const replacement = replacements.get(key);
    if (replacement === undefined) result.push(record);
    else if (replacement !== null && !placed.has(key)) result.push(toStored(replacement));
    placed.add(key);
  }
  for (const [key, replacement] of replacements) {
    if (replacement !== null && !placed.has(key)) result.push(toStored(replacement));
  }
  return result;
}

import { describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../../../electron/store/document';
import { shardOf } from '../../../electron/store/record-shards';
import { ShardChanges } from '../../../electron/store/shard-changes';
import { acceptedStyle } from '../review/review-fixture';
import { libraryFiles, readLibraryDocument } from '../../support/library-files';
import { makeAsset, seededRandom } from '../../unit/store/synthetic-assets';
import { HASHES, randomStep } from './random-library-work';
import { makeTempDir, openTempStore } from '../../unit/store/temp-store';

/** The document with each list in one order, so two ways of writing the same library compare equal. */
function canonical(doc: LibraryDocument) {
  const by =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));
  return {
    ...doc,
    assets: [...doc.assets].sort(by((a) => a.hash)),
    files: [...doc.files].sort(by((f) => f.path)),
    modelAnalyses: [...doc.modelAnalyses].sort(by((a) => `${a.hash} ${a.requestedModelId}`)),
  };
}

describe('snapshots written shard by shard', () => {
  it('leave on disk exactly what writing the whole document leaves, over random work and reopenings', async () => {
    const random = seededRandom(11);
    // One clock for both libraries, so what they time-stamp agrees.
    let clock = 0;
    const now = () => clock;
    const incrementalDir = await makeTempDir();
    const wholeDir = await makeTempDir();
    let incremental = (await openTempStore({ now }, incrementalDir)).store;
    let whole = (await openTempStore({ now, adapter: libraryFiles(wholeDir) }, wholeDir)).store;
    for (let round = 0; round < 6; round++) {
      for (let step = round * 100; step < (round + 1) * 100; step++) {
        const seed = random();
        clock = step;
        randomStep(incremental, seededRandom(seed * 1e9), step);
        randomStep(whole, seededRandom(seed * 1e9), step);
        if (random() < 0.1) await Promise.all([incremental.flush(), whole.flush()]);
      }
      await Promise.all([incremental.close(), whole.close()]);
      expect(canonical(await readLibraryDocument(incrementalDir))).toEqual(
        canonical(await readLibraryDocument(wholeDir)),
      );
      incremental = (await openTempStore({ now }, incrementalDir)).store;
      whole = (await openTempStore({ now, adapter: libraryFiles(wholeDir) }, wholeDir)).store;
    }
    expect(incremental.stats().assets).toBeGreaterThan(10);
    expect(incremental.reviews.listReviewDecisions().length).toBeGreaterThan(30);
  });
});

describe('collected shard changes', () => {
  it('hand a failed snapshot’s share back under what changed since', () => {
    const changes = new ShardChanges();
    const [a, b] = HASHES;
    changes.asset(a, makeAsset({ hash: a, path: '/lib/a.jpg', tags: ['old'] }));
    changes.reviewDecisions([acceptedStyle(a, 1, 'first')]);
    const taken = changes.take();
    changes.asset(a, makeAsset({ hash: a, path: '/lib/a.jpg', tags: ['new'] }));
    changes.asset(b, null);
    changes.reviewDecisions([acceptedStyle(a, 2, 'second')]);
    changes.restore(taken);
    const merged = changes.take().get(shardOf(a))!;
    expect(merged.assets.get(a)?.tags).toEqual(['new']);
    expect(merged.reviewDecisions.map((d) => d.id)).toEqual(['first', 'second']);
    expect(changes.size).toBe(0);
  });

  it('move a file record to its new asset’s shard and out of the old one', () => {
    const changes = new ShardChanges();
    const [a, b] = [HASHES[0], HASHES.find((h) => shardOf(h) !== shardOf(HASHES[0]))!];
    const file = { path: '/lib/x.jpg', hash: b, fileSize: 1, mtimeMs: 1, error: null, errorAt: null };
    changes.file(file.path, a, file);
    const taken = changes.take();
    expect(taken.get(shardOf(a))!.files.get(file.path)).toBeNull();
    expect(taken.get(shardOf(b))!.files.get(file.path)).toBe(file);
  });
});

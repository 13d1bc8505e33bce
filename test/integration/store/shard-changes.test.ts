import { describe, expect, it } from 'vitest';
import type { LabelCorrection } from '../../../shared/model';
import type { LibraryStore } from '../../../electron/store';
import type { LibraryDocument } from '../../../electron/store/document';
import { shardOf } from '../../../electron/store/record-shards';
import { ShardChanges } from '../../../electron/store/shard-changes';
import { acceptedStyle, answer, HAIKU, SONNET } from '../review/review-fixture';
import { libraryFiles, readLibraryDocument } from '../../support/library-files';
import { makeAsset, seededRandom, type Random } from '../../unit/store/synthetic-assets';
import { makeTempDir, openTempStore } from '../../unit/store/temp-store';

const HASHES = Array.from({ length: 40 }, (_, i) => `${(i * 37).toString(16).padStart(2, '0')}${'ab'.repeat(31)}`);
const PATHS = Array.from({ length: 60 }, (_, i) => `/lib/${i % 3 ? 'prints' : 'scans'}/file-${i}.jpg`);

const correction = (hash: string, at: number, id: string): LabelCorrection => ({
  id,
  batch: id,
  at,
  reviewer: 'ana',
  hash,
  field: 'pattern',
  action: 'set',
  value: ['dots'],
  localValue: ['solid'],
  localVersion: 'local-1.0.0',
  previous: ['solid'],
  undoes: [],
});

/** One random thing a person or the ingest queue does to the library. */
function randomStep(store: LibraryStore, random: Random, step: number): void {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const hash = pick(HASHES);
  const path = pick(PATHS);
  const location = { path, fileSize: 100 + step, mtimeMs: 1_700_000_000_000 + step };
  switch (Math.floor(random() * 8)) {
    case 0:
    case 1:
      return void store.recordAsset(location, makeAsset({ hash, path, addedAt: step, tags: [`t${step % 4}`] }));
    case 2:
      return void store.recordError(path, `could not read step ${step}`);
    case 3:
      return void store.setTags([hash, pick(HASHES)], [`tag-${step % 5}`], [`tag-${(step + 1) % 5}`]);
    case 4:
      return void store.analysis.recordModelAnalysis(answer(hash, pick([HAIKU, SONNET]), {}, step));
    case 5:
      return void store.reviews.recordReviewDecisions([acceptedStyle(hash, step, `d${step}`)]);
    case 6:
      return void store.corrections.recordLabelCorrections([correction(hash, step, `c${step}`)]);
    default:
      return void store.removeFile(path);
  }
}

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

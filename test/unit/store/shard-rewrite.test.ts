import { describe, expect, it } from 'vitest';
import type { FileRecord } from '../../../electron/store/library-store';
import { packAsset, type PackedAsset } from '../../../electron/store/packed-asset';
import { emptyShard, withoutImpliedFiles, type ShardRecordsOf } from '../../../electron/store/record-shards';
import type { RecordSpan } from '../../../electron/store/record-spans';
import { applyShardChange, type ShardChange } from '../../../electron/store/shard-changes';
import { shardFileChunks, shardLines } from '../../../electron/store/shard-file';
import { rewrittenShard } from '../../../electron/store/shard-rewrite';
import { acceptedStyle, answer, HAIKU, SONNET } from '../../integration/review/review-fixture';
import { makeAsset } from './synthetic-assets';

const hash = (i: number) => `ab${String(i).padStart(2, '0')}${'cd'.repeat(30)}`;
/** Paths a person really has: quotes, backslashes, accents, CJK. */
const PATHS = ['/lib/"quoted" print.jpg', 'C:\\designs\\été.png', '/lib/花柄.jpg', '/lib/plain.jpg'];
const file = (path: string, h: string, error: string | null = null): FileRecord => ({
  path,
  hash: h,
  fileSize: 10,
  mtimeMs: 5,
  error,
  errorAt: error ? 1 : null,
});

function written(records: ShardRecordsOf<PackedAsset>, generation: number) {
  const places: [string, unknown, RecordSpan][] = [];
  const chunks = shardFileChunks('f', { shard: 'ab', generation, ...withoutImpliedFiles(records) }, (...p) =>
    places.push(p),
  );
  return { bytes: Buffer.from([...chunks].join('')), places };
}

describe('a shard rewritten from its last file', () => {
  it('holds what writing every record anew holds, with each record where it says', () => {
    const assets = PATHS.map((path, i) => makeAsset({ hash: hash(i), path, addedAt: i, tags: [`t${i}`] })).map(
      (asset) => ({ ...asset, locations: asset.locations.map((l) => ({ ...l, fileSize: 10, mtimeMs: 5 })) }),
    );
    const before = {
      ...emptyShard(),
      assets,
      files: [file(PATHS[0], hash(0), 'locked'), file('/lib/old name.jpg', hash(1))],
      modelAnalyses: [answer(hash(0), HAIKU), answer(hash(1), HAIKU), answer(hash(1), SONNET)],
      reviewDecisions: [acceptedStyle(hash(0), 1, 'd1')],
    };
    const old = written(before, 3).bytes;
    const change: ShardChange = {
      assets: new Map([
        [hash(1), { ...assets[1], tags: ['changed'] }],
        [hash(2), null],
        [hash(9), makeAsset({ hash: hash(9), path: '/lib/new "one".jpg' })],
      ]),
      files: new Map([
        [PATHS[0], file(PATHS[0], hash(0))],
        ['/lib/old name.jpg', null],
      ]),
      modelAnalyses: new Map([[hash(1), [answer(hash(1), SONNET, { description: 'again' })]]]),
      reviewDecisions: [acceptedStyle(hash(3), 2, 'd2')],
      labelCorrections: [],
    };
    const expected = written(applyShardChange(before, change, packAsset), 4);
    const places: [string, unknown, RecordSpan][] = [];
    const lines = shardLines(old)!;
    const bytes = Buffer.concat([
      ...rewrittenShard('f', { shard: 'ab', generation: 4 }, old, lines, change, (...p) => places.push(p)),
    ]);

    expect(JSON.parse(bytes.toString())).toEqual(JSON.parse(expected.bytes.toString()));
    // Every record's place holds that record, in the order of the file.
    expect(places.map(([key]) => key)).toEqual(expected.places.map(([key]) => key));
    for (const [key, record, span] of places) {
      const text = bytes.toString('utf8', span.start, span.end);
      expect(JSON.parse(text).hash, `${key} at ${span.start}`).toBe((record as { hash: string }).hash);
    }
    const copied = places.find(
      ([key, record]) => key === 'modelAnalyses' && (record as { hash: string }).hash === hash(0),
    );
    expect(copied?.[1]).toEqual({
      hash: hash(0),
      requestedModelId: HAIKU,
      promptVersion: answer(hash(0), HAIKU).promptVersion,
    });
  });

  it('is not attempted on an older file written on one line', () => {
    expect(shardLines(Buffer.from(JSON.stringify({ shard: 'ab', ...emptyShard() })))).toBeNull();
  });
});

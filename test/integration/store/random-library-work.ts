import type { LabelCorrection } from '../../../shared/model';
import type { LibraryStore } from '../../../electron/store';
import { acceptedStyle, answer, HAIKU, SONNET } from '../review/review-fixture';
import { makeAsset, type Random } from '../../unit/store/synthetic-assets';

/** Random work on a library for tests that compare two ways of storing or reading it. */
export const HASHES = Array.from(
  { length: 40 },
  (_, i) => `${(i * 37).toString(16).padStart(2, '0')}${'ab'.repeat(31)}`,
);
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
export function randomStep(store: LibraryStore, random: Random, step: number): void {
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

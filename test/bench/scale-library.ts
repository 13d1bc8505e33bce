/**
 * The library the scale bench opens: `count` synthetic assets written through the store API,
 * each with one Haiku-sized model answer (a library after one AI pass); a tenth of them with a
 * review decision, tags on some, and collections. Built once per size and store format, then cached.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { openLibraryStore } from '../../electron/store';
import { SCHEMA_VERSION } from '../../electron/store/document';
import { acceptedStyle, answer, HAIKU } from '../integration/review/review-fixture';
import { makeSyntheticAssets } from '../unit/store/synthetic-assets';

const BATCH = 5_000;
/** Snapshots rewrite every shard a batch touched (all of them): flushing each batch made a million quadratic. */
const FLUSH_EVERY = 50_000;
const REVIEWED_EVERY = 10;
const COLLECTIONS = 20;
/** Bumped when what the builder puts in the library, or how the store lays it out, changes (then built again). */
const LAYOUT = 8;
const LIBRARY_FOLDERS = ['/library', '/mnt/archive/designs'];

/** Content-addressed like real assets: 64 hex characters, as the API requires. */
export const scaleHash = (i: number) => createHash('sha256').update(`scale-bench-${i}`).digest('hex');

/** The data folder holding a `count`-asset library, built if not cached under `root`. */
export async function ensureScaleLibrary(root: string, count: number, log: (line: string) => void): Promise<string> {
  const dataDir = path.join(root, `scale-${count}-v${SCHEMA_VERSION}-${LAYOUT}`);
  const done = path.join(dataDir, '.built');
  if (existsSync(done)) return dataDir;
  await fs.rm(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const store = await openLibraryStore(dataDir);
  // The folders the synthetic paths are in, registered as a user's would be (their subfolders are facet values).
  for (const folder of LIBRARY_FOLDERS) store.addFolder(folder);
  const collections = Array.from({ length: COLLECTIONS }, (_, i) => store.createCollection(`Season ${i + 1}`));
  for (let from = 0; from < count; from += BATCH) {
    const assets = makeSyntheticAssets(Math.min(BATCH, count - from), 42 + from);
    const reviewed: string[] = [];
    for (const [offset, synthetic] of assets.entries()) {
      const i = from + offset;
      const asset = { ...synthetic, hash: scaleHash(i), status: 'unreviewed' as const };
      asset.locations = [{ ...asset.locations[0], path: asset.locations[0].path.replace('design-', `design-${i}-`) }];
      store.recordAsset(asset.locations[0], asset);
      const at = 1_700_000_000_000 + i * 1000;
      store.analysis.recordModelAnalysis({ ...answer(asset.hash, HAIKU, { description: `Design ${i}.` }, at) });
      if (i % REVIEWED_EVERY === 0) reviewed.push(asset.hash);
    }
    store.reviews.recordReviewDecisions(
      reviewed.map((hash, k) =>
        acceptedStyle(hash, 1_800_000_000_000 + from + k, `scale-decision-${from + k}`, 'Bench'),
      ),
    );
    store.addToCollection(collections[(from / BATCH) % COLLECTIONS].id, reviewed);
    if ((from + BATCH) % FLUSH_EVERY === 0) await store.flush();
    log(`  built ${Math.min(from + BATCH, count).toLocaleString('en')} of ${count.toLocaleString('en')} assets`);
  }
  await store.close();
  await fs.writeFile(done, `${Math.round((performance.now() - started) / 1000)} s\n`);
  return dataDir;
}

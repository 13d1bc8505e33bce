import type { LibraryOp, LibraryStore } from '../store';

/** Decisions, corrections and calls per change: large logs go in batches, not a row per record. */
const BATCH = 200;

/**
 * Everything a library holds that a team shares, as the changes that make it, in an order that
 * replays cleanly (folders and images before what is said about them). Machine-only state (queues,
 * files that failed here, AI settings with their credential source) is left out, as in the live log.
 */
export function* libraryAsChanges(store: LibraryStore): Generator<LibraryOp> {
  for (const folder of store.listFolders()) yield { type: 'addFolder', path: folder.path, at: folder.addedAt };
  const hashes = new Set<string>();
  for (const file of store.listFiles()) if (file.hash) hashes.add(file.hash);
  for (const hash of hashes) {
    const asset = store.getAsset(hash);
    if (!asset || asset.locations.length === 0) continue;
    const [first, ...more] = asset.locations;
    yield { type: 'recordAsset', location: first, asset: { ...asset, locations: [first] } };
    // An image the team has already keeps its own tags on a recordAsset: these are added to them.
    if (asset.tags.length > 0) yield { type: 'setTags', hashes: [hash], add: asset.tags, remove: [] };
    for (const location of more) yield { type: 'addLocation', location, hash };
    for (const analysis of store.analysis.listModelAnalyses(hash)) yield { type: 'recordModelAnalysis', analysis };
  }
  for (const invocation of store.analysis.listInvocations()) yield { type: 'recordInvocation', invocation };
  for (const decisions of batches(store.reviews.listReviewDecisions()))
    yield { type: 'recordReviewDecisions', decisions };
  for (const corrections of batches(store.corrections.listLabelCorrections()))
    yield { type: 'recordLabelCorrections', corrections };
  for (const collection of store.listCollections()) {
    yield { type: 'createCollection', id: collection.id, name: collection.name, at: collection.createdAt };
    if (collection.hashes.length > 0) yield { type: 'addToCollection', id: collection.id, hashes: collection.hashes };
  }
  for (const search of store.listSavedSearches())
    yield { type: 'saveSearch', id: search.id, name: search.name, query: search.query, at: search.createdAt };
  for (const campaign of store.ads.listCampaigns()) yield { type: 'putCampaign', campaign };
  for (const variants of batches(store.ads.listVariants())) yield { type: 'putVariants', variants };
}

/** How many changes libraryAsChanges makes, counted without holding them: for progress. */
export function countChanges(store: LibraryStore): number {
  const changes = libraryAsChanges(store);
  let count = 0;
  while (!changes.next().done) count++;
  return count;
}

function* batches<T>(records: readonly T[]): Generator<T[]> {
  for (let i = 0; i < records.length; i += BATCH) yield records.slice(i, i + BATCH);
}

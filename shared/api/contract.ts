import { z } from 'zod';
import { Asset, FileError } from '../model/asset';
import { IngestProgress, LibraryFolder } from '../model/library';
import { AssetSummary, SearchQuery, SearchResult } from '../model/search';
import { Collection, SavedSearch, TagCount, TagName } from '../model/organising';

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'not an asset hash');
const FolderPath = z.string().min(1).max(4096);
const Nothing = z.object({}).strict().default({});

/**
 * Every operation the UI can ask of the engine: declared once here, validated at each
 * transport boundary (Electron IPC, browser-mode HTTP), implemented once in electron/api.
 */
export const apiContract = {
  libraryStatus: {
    input: Nothing,
    output: z.object({ folders: z.array(LibraryFolder), progress: IngestProgress, assetCount: z.number().int(), errorCount: z.number().int() }),
  },
  addFolder: { input: z.object({ path: FolderPath }), output: z.object({ queued: z.number().int() }) },
  removeFolder: { input: z.object({ path: FolderPath }), output: z.object({ ok: z.literal(true) }) },
  /** Generates a small library of sample patterns in the data folder and adds it. */
  openDemoLibrary: { input: Nothing, output: z.object({ path: z.string(), queued: z.number().int() }) },
  rescanFolder: { input: z.object({ path: FolderPath }), output: z.object({ queued: z.number().int() }) },
  search: { input: SearchQuery, output: SearchResult },
  getAsset: { input: z.object({ hash: Hash }), output: Asset.nullable() },
  moreLikeThis: { input: z.object({ hash: Hash, limit: z.number().int().min(1).max(200).default(24) }), output: z.array(AssetSummary) },
  nearDuplicates: { input: z.object({ hash: Hash, maxDistance: z.number().int().min(0).max(32).default(10) }), output: z.array(AssetSummary) },
  listErrors: { input: Nothing, output: z.array(FileError) },
  prioritize: { input: z.object({ paths: z.array(FolderPath).max(1000) }), output: z.object({ ok: z.literal(true) }) },
  setTags: {
    input: z.object({ hashes: z.array(Hash).min(1).max(100_000), add: z.array(z.string().trim().min(1).max(200)).default([]), remove: z.array(z.string().max(200)).default([]) }),
    output: z.object({ changed: z.number().int() }),
  },
  listTags: { input: Nothing, output: z.array(TagCount) },
  /** Renames a tag everywhere; renaming onto an existing tag merges the two. */
  renameTag: { input: z.object({ from: TagName, to: TagName }), output: z.object({ changed: z.number().int() }) },
  listCollections: { input: Nothing, output: z.array(Collection) },
  createCollection: { input: z.object({ name: TagName }), output: Collection },
  renameCollection: { input: z.object({ id: z.string().max(64), name: TagName }), output: Collection },
  deleteCollection: { input: z.object({ id: z.string().max(64) }), output: z.object({ ok: z.literal(true) }) },
  addToCollection: { input: z.object({ id: z.string().max(64), hashes: z.array(Hash).min(1).max(100_000) }), output: Collection },
  removeFromCollection: { input: z.object({ id: z.string().max(64), hashes: z.array(Hash).min(1).max(100_000) }), output: Collection },
  listSavedSearches: { input: Nothing, output: z.array(SavedSearch) },
  saveSearch: { input: z.object({ name: TagName, query: SearchQuery }), output: SavedSearch },
  deleteSavedSearch: { input: z.object({ id: z.string().max(64) }), output: z.object({ ok: z.literal(true) }) },
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

/** The shape both the implementation and every client have. */
export type SwatchbookApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

/** Live events pushed from the engine to the UI. */
export const ApiEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: IngestProgress }),
  z.object({ type: z.literal('assetsChanged'), paths: z.array(z.string()) }),
  z.object({ type: z.literal('foldersChanged') }),
]);
export type ApiEvent = z.infer<typeof ApiEvent>;

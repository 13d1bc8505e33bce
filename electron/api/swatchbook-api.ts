import type { ApiMethod, SwatchbookApi } from '../../shared/api';
import type { Engine } from '../engine';
import { queryOfParts } from '../../shared/model/natural-search';
import { createDemoLibrary } from '../library/demo-library';
import { adsApi } from './ads-api';
import { analysisApi } from './analysis-api';
import type { Handlers } from './handlers';
import { reviewApi } from './review-api';
import { withTeamRights } from './team-rights';

/** The one implementation of the API contract, over the engine. Transports only validate and forward. */
export function createSwatchbookApi(engine: Engine): SwatchbookApi {
  const { store, library } = engine;
  const ok = { ok: true as const };
  const api: Handlers<ApiMethod> = {
    // The engine exists, so the library is open; the desktop shell answers this itself before then.
    libraryOpening: async () => ({ state: 'ready' }),
    libraryStatus: async () => ({
      folders: library.folders(),
      progress: library.progress(),
      assetCount: store.stats().assets,
      errorCount: store.listErrors().length + library.queue.environmentFailures().length,
      storage: store.storage.status,
    }),
    teamLibrary: async () => engine.teamLibrary(),
    setTeamLibrary: ({ url }) => engine.chooseTeamLibrary(url),
    setTeamFolderPath: async ({ name, path }) => engine.setTeamFolderPath(name, path),
    addFolder: ({ path }) => library.addFolder(path),
    removeFolder: async ({ path }) => {
      await library.removeFolder(path);
      return ok;
    },
    openDemoLibrary: async () => {
      const folder = await createDemoLibrary(engine.dataDir);
      return { path: folder, ...(await library.addFolder(folder)) };
    },
    rescanFolder: ({ path }) => library.rescan(path),
    search: async (query) => store.search(query),
    stopModelStream: async ({ streamId }) => ({ stopped: engine.analysis.streams.stop(streamId) }),
    interpretSearch: async ({ sentence, streamId, like }) => {
      const interpretation = await engine.sentences.interpret(sentence, streamId, like);
      return { ...interpretation, query: queryOfParts(interpretation.parts) };
    },
    getAsset: async ({ hash }) => store.getAsset(hash) ?? null,
    moreLikeThis: async ({ hash, limit }) => store.moreLikeThis(hash, limit),
    nearDuplicates: async ({ hash, maxDistance }) => store.nearDuplicates(hash, maxDistance),
    listErrors: async () => [...store.listErrors(), ...library.queue.environmentFailures()],
    prioritize: async ({ paths }) => {
      library.queue.prioritize(paths);
      return ok;
    },
    setTags: async ({ hashes, add, remove }) => ({ changed: store.setTags(hashes, add, remove) }),
    listTags: async () => store.listTags(),
    renameTag: async ({ from, to }) => ({ changed: store.renameTag(from, to) }),
    listCollections: async () => store.listCollections(),
    createCollection: async ({ name }) => store.createCollection(name),
    renameCollection: async ({ id, name }) => store.renameCollection(id, name),
    deleteCollection: async ({ id }) => {
      store.deleteCollection(id);
      return ok;
    },
    addToCollection: async ({ id, hashes }) => store.addToCollection(id, hashes),
    removeFromCollection: async ({ id, hashes }) => store.removeFromCollection(id, hashes),
    listSavedSearches: async () => store.listSavedSearches(),
    saveSearch: async ({ name, query }) => store.saveSearch(name, query),
    deleteSavedSearch: async ({ id }) => {
      store.deleteSavedSearch(id);
      return ok;
    },
    ...analysisApi(engine),
    ...reviewApi(engine),
    ...adsApi(engine),
  };
  return withTeamRights(api, () => engine.teamRole()) as SwatchbookApi;
}

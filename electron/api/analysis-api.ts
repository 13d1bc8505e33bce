import type { Asset } from '../../shared/model/asset';
import type { SearchQuery } from '../../shared/model/search';
import type { Engine } from '../engine';
import { allAnalyses } from '../review/current-analysis';
import { UnknownRecordError, type LibraryStore } from '../store';
import type { Handlers } from './handlers';

type AnalysisMethod =
  | 'getAiSettings'
  | 'updateAiSettings'
  | 'storeAccessKeys'
  | 'clearAccessKeys'
  | 'testConnection'
  | 'listAvailableModels'
  | 'estimateAnalysis'
  | 'startAnalysis'
  | 'startBatchAnalysis'
  | 'listBatchJobs'
  | 'stopBatchJob'
  | 'checkBatchSetup'
  | 'analysisProgress'
  | 'pauseAnalysis'
  | 'resumeAnalysis'
  | 'cancelAnalysis'
  | 'listAnalysisJobs'
  | 'getModelAnalyses'
  | 'previewModelInput'
  | 'usageReport';

const MAX_TARGET = 100_000;
/** The largest page a search returns. */
const PAGE_SIZE = 1000;

/** The model-analysis half of the API. */
export function analysisApi(engine: Engine): Handlers<AnalysisMethod> {
  const { analysis, store } = engine;
  const assetOf = (hash: string): Asset => {
    const asset = store.getAsset(hash);
    if (!asset) throw new UnknownRecordError('image', hash);
    return asset;
  };
  /** The assets a run is about: listed hashes, or every match of a search. */
  const targets = (input: { hashes: string[] } | { query: SearchQuery }): Asset[] => {
    const hashes = 'hashes' in input ? input.hashes : allMatches(store, input.query);
    return hashes.map((h) => store.getAsset(h)).filter((a): a is Asset => a !== undefined);
  };
  return {
    getAiSettings: async () => ({
      settings: analysis.settings(),
      hasStoredKeys: await analysis.hasStoredKeys(),
      canStoreKeys: analysis.canStoreKeys(),
    }),
    updateAiSettings: async (patch) => {
      // In a team library the budget is the team's (an admin's to set); the rest stays on this machine.
      const { monthlyBudgetUsd, ...mine } = patch;
      if (monthlyBudgetUsd !== undefined && engine.teamRole()) engine.setTeamBudget(monthlyBudgetUsd);
      return analysis.updateSettings(engine.teamRole() ? mine : patch);
    },
    storeAccessKeys: async (keys) => {
      await analysis.storeKeys(keys);
      return { ok: true };
    },
    clearAccessKeys: async () => {
      await analysis.clearKeys();
      return { ok: true };
    },
    testConnection: () => analysis.testConnection(),
    listAvailableModels: () => analysis.listModels(),
    estimateAnalysis: async (input) => analysis.estimate(targets(input)),
    startAnalysis: async (input) => analysis.enqueue(targets(input)),
    startBatchAnalysis: async (input) => analysis.batch.start(targets(input)),
    listBatchJobs: async () => analysis.batch.list(),
    stopBatchJob: ({ id }) => analysis.batch.stop(id),
    checkBatchSetup: () => analysis.batch.check(),
    analysisProgress: async () => analysis.queue.progress(),
    pauseAnalysis: async () => {
      analysis.queue.pause();
      return analysis.queue.progress();
    },
    resumeAnalysis: async () => {
      analysis.queue.resumeNow();
      return analysis.queue.progress();
    },
    cancelAnalysis: async ({ batchId }) => ({ cancelled: analysis.queue.cancel(batchId) }),
    listAnalysisJobs: async ({ states, limit }) =>
      store.analysis
        .listAnalysisJobs(states)
        .sort((a, b) => (b.finishedAt ?? b.enqueuedAt) - (a.finishedAt ?? a.enqueuedAt))
        .slice(0, limit),
    getModelAnalyses: async ({ hash }) => allAnalyses(store.analysis, assetOf(hash)),
    previewModelInput: async ({ hash }) => analysis.previewInput(assetOf(hash)),
    usageReport: async ({ days }) => ({ ...analysis.usage(days), team: await engine.teamSpend() }),
  };
}

function allMatches(store: LibraryStore, query: SearchQuery): string[] {
  const hashes: string[] = [];
  for (let offset = 0; offset < MAX_TARGET; offset += PAGE_SIZE) {
    const page = store.search({ ...query, offset, limit: PAGE_SIZE });
    hashes.push(...page.items.map((item) => item.hash));
    if (page.items.length < PAGE_SIZE) break;
  }
  return hashes;
}

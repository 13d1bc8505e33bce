import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { laterOpening, type ApiEvent, type ApiOutput, type LibraryOpening } from '../../shared/api';
import type { AnalysisProgress, BatchJob, TeamLibraryInfo } from '../../shared/model';
import { queryKeys } from './query-keys';

/** Ingest, analysis and ad rendering each emit many events per second; refetching more often than this only burns CPU. */
const REFRESH_INTERVAL_MS = 750;
/** Other members' changes come at people's pace: shown sooner, and refetched up to this often. */
const TEAM_REFRESH_INTERVAL_MS = 300;
/** A lone change (another member's decision, a tag) is shown this soon: long enough to take the events of one moment together. */
const FIRST_REFRESH_MS = 30;

type LibraryStatus = ApiOutput<'libraryStatus'>;

/** Everything that shows which assets the library holds and what they are. */
const ASSET_READS: QueryKey[] = [
  queryKeys.search,
  queryKeys.assets,
  queryKeys.similar,
  queryKeys.duplicates,
  queryKeys.tags,
  queryKeys.libraryStatus,
  queryKeys.collections,
];

/**
 * What other members of a team library change besides assets: decisions, corrections and model
 * calls (the quality report, labels, spend), saved searches and campaigns.
 */
const TEAM_READS: QueryKey[] = [
  queryKeys.qualityReport,
  queryKeys.allAssetLabels,
  queryKeys.usageReports,
  queryKeys.savedSearches,
  queryKeys.campaigns,
];

/** One image's model answers and its review item. */
const perImage = (hashes: readonly string[]): QueryKey[] =>
  hashes.flatMap((hash) => [queryKeys.modelAnalyses(hash), queryKeys.reviewItem(hash)]);

export function resynchronise(queryClient: QueryClient): void {
  void queryClient.invalidateQueries();
}

/**
 * Marks reads stale; whatever a burst of events touched is refetched once, together: at once after
 * a quiet spell, then at most once per interval while events keep coming.
 */
function throttledRefresh(queryClient: QueryClient, intervalMs: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRefreshAt = -Infinity;
  const stale = new Map<string, QueryKey>();
  return {
    refresh(...keys: QueryKey[]) {
      for (const key of keys) stale.set(hashKey(key), key);
      if (timer) return;
      const wait = Math.max(FIRST_REFRESH_MS, lastRefreshAt + intervalMs - Date.now());
      timer = setTimeout(() => {
        timer = null;
        lastRefreshAt = Date.now();
        const due = [...stale.values()];
        stale.clear();
        for (const queryKey of due) void queryClient.invalidateQueries({ queryKey });
      }, wait);
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
}

/** Turns pushed engine events into cache updates: progress in place, changes as batched, throttled refetches. */
export function applyLiveEvent(queryClient: QueryClient) {
  // Other members' changes have a throttle of their own: this machine's ingest or analysis keeping
  // its refetches busy must not hold back showing a colleague's decision.
  const local = throttledRefresh(queryClient, REFRESH_INTERVAL_MS);
  const team = throttledRefresh(queryClient, TEAM_REFRESH_INTERVAL_MS);
  const refresh = local.refresh;
  let lastFailed = -1;
  let wasRunning = false;
  let lastSettled = '';

  const handle = (event: ApiEvent) => {
    switch (event.type) {
      case 'progress': {
        queryClient.setQueryData<LibraryStatus>(queryKeys.libraryStatus, (old) =>
          old ? { ...old, progress: event.progress } : old,
        );
        if (event.progress.failed !== lastFailed) {
          lastFailed = event.progress.failed;
          refresh(queryKeys.errors, queryKeys.libraryStatus);
        }
        // A finished run may have settled files no assetsChanged covered (e.g. failures).
        if (wasRunning && !event.progress.running) refresh(...ASSET_READS);
        wasRunning = event.progress.running;
        break;
      }
      case 'assetsChanged':
      case 'foldersChanged':
        refresh(...ASSET_READS);
        break;
      case 'analysisProgress': {
        queryClient.setQueryData<AnalysisProgress>(queryKeys.analysisProgress, event.progress);
        // Each settled job is a logged (and maybe billed) call and maybe a failure to list.
        const settled = `${event.progress.done}/${event.progress.failed}/${event.progress.cancelled}`;
        if (settled !== lastSettled) {
          lastSettled = settled;
          refresh(queryKeys.allAnalysisJobs, queryKeys.usageReports);
        }
        break;
      }
      case 'analysesChanged':
        // New answers join the queue next time it is opened or refreshed, not under a reviewer's keys.
        void queryClient.invalidateQueries({ queryKey: queryKeys.reviewQueues, refetchType: 'none' });
        // Model attributes can be searchable, so results and facets may change too.
        refresh(...perImage(event.hashes), queryKeys.qualityReport, ...ASSET_READS);
        break;
      case 'batchJob':
        queryClient.setQueryData<BatchJob[]>(queryKeys.batchJobs, (old) =>
          old ? [event.job, ...old.filter((job) => job.id !== event.job.id)] : old,
        );
        if (event.job.stage === 'finished') refresh(queryKeys.allAnalysisJobs, queryKeys.usageReports);
        break;
      case 'teamStatus':
        queryClient.setQueryData<TeamLibraryInfo>(queryKeys.teamLibrary, (old) =>
          old ? { ...old, status: event.status } : old,
        );
        break;
      case 'teamChanges':
        // Others' decisions and answers, like this machine's own, wait for the next time a queue is opened.
        void queryClient.invalidateQueries({ queryKey: queryKeys.reviewQueues, refetchType: 'none' });
        // Hashes cover tags, answers, decisions and new images; folders, collections and searches come without any.
        team.refresh(...perImage(event.hashes), ...TEAM_READS, ...ASSET_READS);
        break;
      case 'modelText':
        queryClient.setQueryData(queryKeys.modelStream(event.streamId), event.text);
        break;
      case 'storage':
        queryClient.setQueryData<LibraryStatus>(queryKeys.libraryStatus, (old) =>
          old ? { ...old, storage: event.storage } : old,
        );
        // A status fetch asked before the change and answered after it would put the old health back:
        // invalidating cancels it and asks again.
        void queryClient.invalidateQueries({ queryKey: queryKeys.libraryStatus });
        // Writing is back: what failed while it was not may have been recorded since.
        if (event.storage.writable) refresh(queryKeys.libraryStatus, queryKeys.errors, ...ASSET_READS);
        break;
      case 'libraryOpening':
        queryClient.setQueryData<LibraryOpening>(queryKeys.libraryOpening, (known) =>
          laterOpening(known, event.opening),
        );
        break;
      case 'adsChanged':
        // A variant started or settled; a remote one was logged and billed, which moves the month's spend.
        refresh(queryKeys.campaign(event.campaignId), queryKeys.usageReports, queryKeys.adsEstimates);
        break;
    }
  };

  return {
    handle,
    dispose: () => {
      local.dispose();
      team.dispose();
    },
  };
}

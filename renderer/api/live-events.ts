import type { QueryClient } from '@tanstack/react-query';
import type { ApiEvent, ApiOutput } from '../../shared/api';
import type { AnalysisProgress } from '../../shared/model';
import { queryKeys } from './query-keys';

/** Ingest emits many change events per second; refetching more often than this only burns CPU. */
const REFRESH_INTERVAL_MS = 750;

type LibraryStatus = ApiOutput<'libraryStatus'>;

function invalidateAssets(queryClient: QueryClient): void {
  for (const queryKey of [queryKeys.search, queryKeys.assets, queryKeys.similar, queryKeys.duplicates, queryKeys.tags, queryKeys.libraryStatus, queryKeys.collections]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

export function resynchronise(queryClient: QueryClient): void {
  void queryClient.invalidateQueries();
}

/** Turns pushed engine events into cache updates: progress in place, changes as throttled refetches. */
export function applyLiveEvent(queryClient: QueryClient) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastFailed = -1;
  let wasRunning = false;
  let lastSettled = '';

  const scheduleRefresh = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      invalidateAssets(queryClient);
    }, REFRESH_INTERVAL_MS);
  };

  const handle = (event: ApiEvent) => {
    switch (event.type) {
      case 'progress': {
        queryClient.setQueryData<LibraryStatus>(queryKeys.libraryStatus, (old) => (old ? { ...old, progress: event.progress } : old));
        if (event.progress.failed !== lastFailed) {
          lastFailed = event.progress.failed;
          void queryClient.invalidateQueries({ queryKey: queryKeys.errors });
          void queryClient.invalidateQueries({ queryKey: queryKeys.libraryStatus });
        }
        // A finished run may have settled files no assetsChanged covered (e.g. failures).
        if (wasRunning && !event.progress.running) scheduleRefresh();
        wasRunning = event.progress.running;
        break;
      }
      case 'assetsChanged':
        scheduleRefresh();
        break;
      case 'foldersChanged':
        void queryClient.invalidateQueries({ queryKey: queryKeys.libraryStatus });
        scheduleRefresh();
        break;
      case 'analysisProgress': {
        queryClient.setQueryData<AnalysisProgress>(queryKeys.analysisProgress, event.progress);
        // Each settled job is a logged (and maybe billed) call and maybe a failure to list.
        const settled = `${event.progress.done}/${event.progress.failed}/${event.progress.cancelled}`;
        if (settled !== lastSettled) {
          lastSettled = settled;
          void queryClient.invalidateQueries({ queryKey: queryKeys.allAnalysisJobs });
          void queryClient.invalidateQueries({ queryKey: queryKeys.usageReports });
        }
        break;
      }
      case 'analysesChanged':
        for (const hash of event.hashes) {
          void queryClient.invalidateQueries({ queryKey: queryKeys.modelAnalyses(hash) });
          void queryClient.invalidateQueries({ queryKey: queryKeys.reviewItem(hash) });
        }
        // New answers join the queue next time it is opened or refreshed, not under a reviewer's keys.
        void queryClient.invalidateQueries({ queryKey: queryKeys.reviewQueues, refetchType: 'none' });
        void queryClient.invalidateQueries({ queryKey: queryKeys.qualityReport });
        // Model attributes can be searchable, so results and facets may change too.
        scheduleRefresh();
        break;
      case 'adsChanged':
        // A variant started or settled; a remote one was logged and billed, which moves the month's spend.
        void queryClient.invalidateQueries({ queryKey: queryKeys.campaign(event.campaignId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.usageReports });
        void queryClient.invalidateQueries({ queryKey: queryKeys.adsEstimates });
        break;
    }
  };

  return {
    handle,
    dispose: () => {
      if (timer) clearTimeout(timer);
    },
  };
}

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { ApiInput } from '../../shared/api';
import type { ReviewItem, ReviewQueuePage } from '../../shared/model';
import { useApi } from './ApiProvider';
import { invalidateAfter } from './mutations';
import { queryKeys } from './query-keys';
import { reviewItemOptions } from './review-queries';

type ItemStatus = ReviewItem['status'];

/** What the cached queues believe about one item (every cached queue is patched alike). */
function queuedStatus(queryClient: QueryClient, hash: string): ItemStatus | undefined {
  for (const [, page] of queryClient.getQueriesData<ReviewQueuePage>({ queryKey: queryKeys.reviewQueues })) {
    const entry = page?.items.find((item) => item.hash === hash);
    if (entry) return entry.status;
  }
  return undefined;
}

/**
 * Moves one item to `status` in every cached queue and keeps their pending counts in step,
 * without a refetch: the reviewer's list keeps its order and the count falls at once.
 */
function setQueuedStatus(queryClient: QueryClient, hash: string, status: ItemStatus): void {
  const from = queuedStatus(queryClient, hash);
  if (from === undefined || from === status) return;
  const delta = (status === 'pending' ? 1 : 0) - (from === 'pending' ? 1 : 0);
  queryClient.setQueriesData<ReviewQueuePage>(
    { queryKey: queryKeys.reviewQueues },
    (page) =>
      page && {
        ...page,
        pending: Math.max(0, page.pending + delta),
        items: page.items.map((item) => (item.hash === hash ? { ...item, status } : item)),
      },
  );
}

export interface ReviewWrites {
  /**
   * Records one keypress's decisions. `guess` is shown at once (the reviewer never waits on
   * the engine); the engine's answer replaces it, and a failure puts the engine's state back.
   */
  decide(input: ApiInput<'reviewDecide'>, guess?: (item: ReviewItem) => ReviewItem): Promise<ReviewItem>;
  undo(input: ApiInput<'reviewUndo'>): Promise<ReviewItem>;
  /** Writes sent and not yet answered. */
  unsaved: number;
}

/** Review decisions and undo, sent one after another so an undo never overtakes the decision it takes back. */
export function useReviewWrites(): ReviewWrites {
  const api = useApi();
  const queryClient = useQueryClient();
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [unsaved, setUnsaved] = useState(0);

  const writes = useMemo(() => {
    const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
      setUnsaved((n) => n + 1);
      const run = chain.current.then(work, work).finally(() => setUnsaved((n) => n - 1));
      chain.current = run.catch(() => undefined);
      return run;
    };
    const show = (item: ReviewItem) => {
      queryClient.setQueryData(queryKeys.reviewItem(item.hash), item);
      setQueuedStatus(queryClient, item.hash, item.status);
    };
    const settled = (method: 'reviewDecide' | 'reviewUndo') => (item: ReviewItem) => {
      show(item);
      // Patched above; stale only for the next time the queue is opened.
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviewQueues, refetchType: 'none' });
      // Only this asset's status changed (nothing here shows it): the items preloaded ahead stay fresh.
      void queryClient.invalidateQueries({ queryKey: queryKeys.asset(item.hash), refetchType: 'none' });
      void invalidateAfter(queryClient, method);
      return item;
    };
    const restore = (hash: string) => async (error: unknown) => {
      const item = await queryClient.fetchQuery({ ...reviewItemOptions(api, hash), staleTime: 0 }).catch(() => null);
      if (item) show(item);
      throw error;
    };
    return {
      decide(input: ApiInput<'reviewDecide'>, guess?: (item: ReviewItem) => ReviewItem) {
        const cached = queryClient.getQueryData<ReviewItem>(queryKeys.reviewItem(input.hash));
        if (cached && guess) show(guess(cached));
        return inTurn(() => api.reviewDecide(input)).then(settled('reviewDecide'), restore(input.hash));
      },
      undo(input: ApiInput<'reviewUndo'>) {
        return inTurn(() => api.reviewUndo(input)).then(settled('reviewUndo'), restore(input.hash));
      },
    };
  }, [api, queryClient]);

  return { ...writes, unsaved };
}

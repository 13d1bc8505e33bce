import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { callApi } from './api-query';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

export interface ModelStream {
  /** The id for the next request (a new one each time `begin` is called). */
  begin(): string;
  /** The answer so far, as live events bring it; '' before the first piece. */
  text: string;
  /** Stop: the main process aborts the call and keeps nothing of it. */
  stop(): void;
}

/** A model answer watched as it arrives: give `begin()`'s id to the request, read `text`, offer `stop`. */
export function useModelStream(): ModelStream {
  const api = useApi();
  const queryClient = useQueryClient();
  const [streamId, setStreamId] = useState<string | null>(null);
  const text = useQuery({
    queryKey: queryKeys.modelStream(streamId ?? 'none'),
    // Filled by live events only: nothing to fetch.
    queryFn: () => '',
    enabled: false,
    initialData: '',
    staleTime: Infinity,
  }).data;
  const begin = useCallback(() => {
    const id = crypto.randomUUID();
    queryClient.setQueryData(queryKeys.modelStream(id), '');
    setStreamId(id);
    return id;
  }, [queryClient]);
  const stop = useCallback(() => {
    if (streamId) void callApi(api, 'stopModelStream', { streamId }).catch(() => undefined);
  }, [api, streamId]);
  return { begin, text, stop };
}

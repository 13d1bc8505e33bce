import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { reviewItemOptions, useApi, useTransport } from '../api';
import { preloadImage } from './preloaded-images';

/**
 * Keeps the items the reviewer is likely to open next in the query cache (answers, review
 * state, segments) with their previews decoded, so moving on renders without a network wait.
 */
export function usePreloadReviewItems(hashes: readonly string[]): void {
  const api = useApi();
  const transport = useTransport();
  const queryClient = useQueryClient();
  const key = hashes.join(',');
  useEffect(() => {
    for (const hash of key.split(',').filter(Boolean)) {
      preloadImage(transport.mediaUrl('preview', hash));
      void queryClient.prefetchQuery(reviewItemOptions(api, hash));
    }
  }, [key, api, transport, queryClient]);
}

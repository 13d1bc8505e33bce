import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SwatchbookApi } from '../../shared/api';
import { createApiClient } from './client';
import { applyLiveEvent, resynchronise } from './live-events';
import { detectTransport, type Transport } from './transport';

interface ApiContextValue {
  api: SwatchbookApi;
  transport: Transport;
}

const ApiContext = createContext<ApiContextValue | null>(null);

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The engine is local and pushes changes, so polling and focus refetches are noise.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}

export function ApiProvider({ children }: { children: ReactNode }) {
  const [value] = useState<ApiContextValue>(() => {
    const transport = detectTransport();
    return { transport, api: createApiClient(transport) };
  });
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    const live = applyLiveEvent(queryClient);
    const unsubscribe = value.transport.subscribe(live.handle, () => resynchronise(queryClient));
    return () => {
      unsubscribe();
      live.dispose();
    };
  }, [queryClient, value]);

  return (
    <ApiContext.Provider value={value}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi must be used inside <ApiProvider>');
  return value;
}

export const useApi = (): SwatchbookApi => useApiContext().api;
export const useTransport = (): Transport => useApiContext().transport;

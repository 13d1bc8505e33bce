import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { ApiInput, ApiMethod, ApiOutput, SwatchbookApi } from '../../shared/api';
import { useApi } from './ApiProvider';

/** Calls one API method by name, typed by the contract. */
export function callApi<M extends ApiMethod>(api: SwatchbookApi, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  return (api[method] as (input: ApiInput<M>) => Promise<ApiOutput<M>>)(input);
}

type ReadOptions<M extends ApiMethod> = Omit<UseQueryOptions<ApiOutput<M>, Error>, 'queryKey' | 'queryFn'>;

/** A cached read of one API method, under a key from queryKeys so writes and live events can refresh it. */
export function useApiQuery<M extends ApiMethod>(
  queryKey: QueryKey,
  method: M,
  input: ApiInput<M>,
  options?: ReadOptions<M>,
) {
  const api = useApi();
  return useQuery({ ...options, queryKey, queryFn: () => callApi(api, method, input) });
}

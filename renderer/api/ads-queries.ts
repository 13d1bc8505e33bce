import { useQuery } from '@tanstack/react-query';
import type { ApiInput } from '../../shared/api';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

/** What a generation run asks for: generator, variants per concept and format, optional seed. */
export type AdsRequest = ApiInput<'estimateAds'>['request'];
export type VariantImageSize = 'preview' | 'full';

export function useCampaigns() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.campaignList, queryFn: () => api.listCampaigns({}) });
}

/** The campaign and its variants; adsChanged events refetch it while variants render. */
export function useCampaign(id: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.campaign(id), queryFn: () => api.getCampaign({ id }) });
}

export function useCutout(id: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.cutout(id), queryFn: () => api.getCutout({ id }) });
}

export function useAdsEstimate(id: string, request: AdsRequest, enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.adsEstimate(id, request), queryFn: () => api.estimateAds({ id, request }), enabled, staleTime: 0 });
}

/** A rendered variant never changes, so its image is read once and kept while it is shown. */
export function useVariantImage(id: string, size: VariantImageSize, enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.variantImage(id, size), queryFn: () => api.variantImage({ id, size }), enabled, staleTime: Infinity });
}

import type { ApiInput } from '../../shared/api';
import { useApiQuery } from './api-query';
import { queryKeys } from './query-keys';

/** What a generation run asks for: generator, variants per concept and format, optional seed. */
export type AdsRequest = ApiInput<'estimateAds'>['request'];

export function useCampaigns() {
  return useApiQuery(queryKeys.campaignList, 'listCampaigns', {});
}

/** The campaign and its variants; adsChanged events refetch it while variants render. */
export function useCampaign(id: string) {
  return useApiQuery(queryKeys.campaign(id), 'getCampaign', { id });
}

export function useCutout(id: string) {
  return useApiQuery(queryKeys.cutout(id), 'getCutout', { id });
}

export function useAdsEstimate(id: string, request: AdsRequest, enabled: boolean) {
  return useApiQuery(queryKeys.adsEstimate(id, request), 'estimateAds', { id, request }, { enabled, staleTime: 0 });
}

/** A variant's live loop as animated WebP (plays in an img), read once like its still. */
export function useVariantLive(id: string, enabled: boolean) {
  return useApiQuery(
    queryKeys.variantLive(id),
    'variantLive',
    { id, format: 'webp' },
    { enabled, staleTime: Infinity },
  );
}

/** A variant's Nova Reel video (MP4), once made. */
export function useVariantReel(id: string, enabled: boolean) {
  return useApiQuery(queryKeys.variantReel(id), 'variantReel', { id }, { enabled, staleTime: Infinity });
}

/** A rendered variant never changes, so its image is read once and kept while it is shown. */
export function useVariantImage(id: string, size: 'preview' | 'full', enabled: boolean) {
  return useApiQuery(queryKeys.variantImage(id, size), 'variantImage', { id, size }, { enabled, staleTime: Infinity });
}

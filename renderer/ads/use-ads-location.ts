import { useSyncExternalStore } from 'react';
import { subscribeToLocation } from '../navigation/history';
import { goTo } from '../navigation/routes';

/** Where in the ad studio the user is: a campaign open, a product picked for a new one, or neither. */
export interface AdsLocation {
  campaignId: string | null;
  productHash: string | null;
}

const HASH = /^[0-9a-f]{64}$/;
const ID = /^[\w-]{1,64}$/;

function parse(search: string): AdsLocation {
  const params = new URLSearchParams(search);
  const campaign = params.get('campaign');
  const product = params.get('product');
  return {
    campaignId: campaign && ID.test(campaign) ? campaign : null,
    productHash: product && HASH.test(product) ? product : null,
  };
}

/** Opens the studio at a campaign, at a new campaign for a product, or at the campaign list. */
export function openAds(location: Partial<AdsLocation> = {}): void {
  const params = new URLSearchParams();
  if (location.campaignId) params.set('campaign', location.campaignId);
  else if (location.productHash) params.set('product', location.productHash);
  const search = params.toString();
  goTo('ads', search && `?${search}`);
}

const readSearch = () => window.location.search;

/** The studio's place lives in the URL, so back and forward step through it and a reload keeps it. */
export function useAdsLocation(): AdsLocation {
  const search = useSyncExternalStore(subscribeToLocation, readSearch);
  // Parsed from the string each render: cheap, and equal strings give equal fields.
  return parse(search);
}

import { UnknownRecordError } from './errors';
import type { AdRecords } from './library-store';
import type { RecordAccess } from './record-access';

/** Ad campaigns and their variants. */
export function adRecords({ state, mutate }: RecordAccess): AdRecords {
  const { ads } = state;
  return {
    listCampaigns: () =>
      [...ads.campaigns.values()].map((c) => structuredClone(c)).sort((a, b) => b.createdAt - a.createdAt),
    getCampaign: (id) => {
      const campaign = ads.campaigns.get(id);
      return campaign && structuredClone(campaign);
    },
    putCampaign: (campaign) => void mutate({ type: 'putCampaign', campaign: structuredClone(campaign) }),
    deleteCampaign: (id) => {
      if (!ads.campaigns.has(id)) throw new UnknownRecordError('campaign', id);
      mutate({ type: 'deleteCampaign', id });
    },
    listVariants: (campaignId) => {
      const all = [...ads.variants.values()];
      return (campaignId ? all.filter((v) => v.campaignId === campaignId) : all)
        .map((v) => ({ ...v }))
        .sort((a, b) => a.createdAt - b.createdAt);
    },
    getVariant: (id) => {
      const variant = ads.variants.get(id);
      return variant && { ...variant };
    },
    putVariants: (variants) => void mutate({ type: 'putVariants', variants: structuredClone(variants) }),
    updateVariant: (id, patch) => void mutate({ type: 'updateVariant', id, patch: structuredClone(patch) }),
    deleteVariant: (id) => {
      if (!ads.variants.has(id)) throw new UnknownRecordError('variant', id);
      mutate({ type: 'deleteVariant', id });
    },
  };
}

import { useState } from 'react';
import type { Campaign } from '../../shared/model';
import { useApiMutation, useCampaigns, useTransport } from '../api';
import { openAds } from './use-ads-location';

/** Campaigns made so far, newest first, to reopen or delete. */
export function CampaignList() {
  const campaigns = useCampaigns();
  const list = [...(campaigns.data ?? [])].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section className="settings-section" aria-labelledby="campaigns-title">
      <h2 id="campaigns-title">Campaigns</h2>
      {campaigns.error && <p className="error-text">Could not load the campaigns: {campaigns.error.message}</p>}
      {campaigns.data && list.length === 0 && (
        <p className="muted">No campaigns yet: pick a product above to start one.</p>
      )}
      <ul className="ads-campaign-list">
        {list.map((campaign) => (
          <CampaignRow key={campaign.id} campaign={campaign} />
        ))}
      </ul>
    </section>
  );
}

function CampaignRow({ campaign }: { campaign: Campaign }) {
  const transport = useTransport();
  const remove = useApiMutation('deleteCampaign');
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="ads-campaign-row" data-testid="campaign-row">
      <img src={transport.mediaUrl('thumb', campaign.productHash)} alt="" />
      <div>
        <a
          href={`/ads?campaign=${encodeURIComponent(campaign.id)}`}
          onClick={(event) => {
            event.preventDefault();
            openAds({ campaignId: campaign.id });
          }}
        >
          {campaign.name}
        </a>
        <div className="small muted">
          {campaign.productName} · {campaign.formats.length} {campaign.formats.length === 1 ? 'format' : 'formats'} ·{' '}
          {new Date(campaign.createdAt).toLocaleDateString()}
        </div>
      </div>
      {remove.error && <span className="error-text small">{remove.error.message}</span>}
      {confirming ? (
        <span className="inline-form">
          <button
            type="button"
            className="danger compact"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: campaign.id })}
          >
            Delete with its variants
          </button>
          <button type="button" className="compact" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="compact"
          aria-label={`Delete ${campaign.name}`}
          onClick={() => setConfirming(true)}
        >
          Delete…
        </button>
      )}
    </li>
  );
}

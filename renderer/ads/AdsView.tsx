import { CampaignList } from './CampaignList';
import { CampaignStudio } from './CampaignStudio';
import { NewCampaign } from './NewCampaign';
import { ProductPicker } from './ProductPicker';
import { openAds, useAdsLocation } from './use-ads-location';

/** The ad studio: pick a product, make a campaign, then cut out, generate, review and export in it. */
export function AdsView() {
  const { campaignId, productHash } = useAdsLocation();
  return (
    <main className="page ads-view" data-testid="ads-view">
      <div className="page-body wide">
        {campaignId ? (
          <CampaignStudio key={campaignId} id={campaignId} />
        ) : (
          <>
            <header className="page-header">
              <h1>Ad studio</h1>
            </header>
            {productHash ? (
              <NewCampaign productHash={productHash} />
            ) : (
              <section className="settings-section" aria-labelledby="pick-product-title">
                <h2 id="pick-product-title">Pick a product</h2>
                <p className="small muted">
                  A product shot on a plain background cuts out best. Campaigns render offline with the local
                  compositor, or with your Amazon Bedrock image model.
                </p>
                <ProductPicker purpose="product" onPick={(item) => openAds({ productHash: item.hash })} />
              </section>
            )}
            <CampaignList />
          </>
        )}
      </div>
    </main>
  );
}

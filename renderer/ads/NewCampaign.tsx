import { useAsset, useTransport } from '../api';
import { basename } from '../components/format';
import { productNameFromFile } from './campaign-draft';
import { NewCampaignForm } from './NewCampaignForm';
import { openAds } from './use-ads-location';

/** Step one: the picked product beside the form that turns it into a campaign. */
export function NewCampaign({ productHash }: { productHash: string }) {
  const transport = useTransport();
  const asset = useAsset(productHash);
  const file = asset.data?.locations[0] ? basename(asset.data.locations[0].path) : null;
  return (
    <section className="settings-section ads-new" aria-labelledby="new-campaign-title" data-testid="new-campaign">
      <header className="page-header">
        <h2 id="new-campaign-title">New campaign</h2>
        <button type="button" className="compact" onClick={() => openAds()}>
          Choose another product
        </button>
      </header>
      {asset.error && <p className="error-text">Could not load the product: {asset.error.message}</p>}
      {asset.data === null && <p className="error-text">This image is no longer in the library.</p>}
      {asset.data && file && (
        <div className="ads-new-body">
          <figure className="ads-product">
            <img src={transport.mediaUrl('preview', productHash)} alt={`The product: ${file}`} />
            <figcaption className="small muted" data-testid="picked-product">
              {file} · {asset.data.metadata.width}×{asset.data.metadata.height}
            </figcaption>
          </figure>
          <NewCampaignForm key={productHash} productHash={productHash} productName={productNameFromFile(file)} />
        </div>
      )}
    </section>
  );
}

import { useCampaign } from '../api';
import { CampaignSettings } from './CampaignSettings';
import { ConceptsPanel } from './ConceptsPanel';
import { CutoutEditor } from './CutoutEditor';
import { ExportPanel } from './ExportPanel';
import { FeaturesPanel } from './FeaturesPanel';
import { GeneratePanel } from './GeneratePanel';
import { openAds } from './use-ads-location';
import { VariantBoard } from './VariantBoard';

/** One campaign, top to bottom in the order of the work: cut-out, features, concepts, generate, review, export. */
export function CampaignStudio({ id }: { id: string }) {
  const query = useCampaign(id);
  const back = (
    <a
      href="/ads"
      className="small"
      onClick={(event) => {
        event.preventDefault();
        openAds();
      }}
    >
      ← All campaigns
    </a>
  );
  if (query.error) {
    return (
      <>
        {back}
        <p className="error-text">Could not open the campaign: {query.error.message}</p>
      </>
    );
  }
  if (!query.data) return <p className="muted">Loading the campaign…</p>;
  const { campaign, variants } = query.data;
  return (
    <div className="ads-studio" data-testid="campaign-studio">
      <header className="ads-studio-header">
        {back}
        <h1 data-testid="campaign-name">{campaign.name}</h1>
        <span className="muted">{campaign.productName}</span>
      </header>
      <div className="ads-studio-columns">
        <CutoutEditor campaign={campaign} />
        <FeaturesPanel campaign={campaign} />
      </div>
      <ConceptsPanel key={campaign.concepts.map((c) => c.theme).join()} campaign={campaign} />
      <CampaignSettings campaign={campaign} />
      <GeneratePanel campaign={campaign} />
      <VariantBoard campaign={campaign} variants={variants} />
      <ExportPanel campaign={campaign} variants={variants} />
    </div>
  );
}

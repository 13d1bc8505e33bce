import type { FormEvent } from 'react';
import { useApiMutation } from '../api';
import { BrandRulesFields } from './BrandRulesFields';
import { newDraft } from './campaign-draft';
import { CopyFields } from './CopyFields';
import { CountedField } from './CountedField';
import { FormatChoices } from './FormatChoices';
import { LogoChoice } from './LogoChoice';
import { ThemeChoices } from './ThemeChoices';
import { openAds } from './use-ads-location';
import { useDraft } from './use-draft';

interface NewCampaignFormProps {
  productHash: string;
  /** A starting product name, from the image's file name. */
  productName: string;
}

/** Everything a campaign needs before the product is cut out and concepts are written. */
export function NewCampaignForm({ productHash, productName }: NewCampaignFormProps) {
  const [draft, set] = useDraft(() => newDraft(productName));
  const create = useApiMutation('createCampaign');
  const complete = draft.formats.length > 0 && draft.themes.length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete)
      create.mutate({ ...draft, productHash }, { onSuccess: (campaign) => openAds({ campaignId: campaign.id }) });
  };

  return (
    <form className="ads-form" onSubmit={submit} aria-label="New campaign" data-testid="new-campaign-form">
      <fieldset className="ads-fieldset">
        <legend>Campaign</legend>
        <CountedField
          label="Campaign name"
          value={draft.name}
          max={80}
          required
          onChange={(name) => set({ name })}
          placeholder="Spring launch"
        />
        <CountedField
          label="Product name"
          value={draft.productName}
          max={80}
          required
          onChange={(name) => set({ productName: name })}
        />
        <CountedField
          label="Notes and claims"
          value={draft.notes}
          max={1000}
          multiline
          onChange={(notes) => set({ notes })}
          placeholder="What the ads may claim, and what to avoid (e.g. “no outdoor scenes”)"
        />
      </fieldset>
      <CopyFields copy={draft.copy} onChange={(copy) => set({ copy })} />
      <FormatChoices formats={draft.formats} onChange={(formats) => set({ formats })} />
      <ThemeChoices themes={draft.themes} onChange={(themes) => set({ themes })} />
      <LogoChoice logoHash={draft.logoHash} onChange={(logoHash) => set({ logoHash })} />
      <details className="ads-details">
        <summary>Brand rules (optional)</summary>
        <BrandRulesFields brand={draft.brand} onChange={(brand) => set({ brand })} />
      </details>
      {create.error && (
        <p className="error-text" role="alert">
          Could not create the campaign: {create.error.message}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={() => openAds()}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!complete || create.isPending}>
          {create.isPending ? 'Cutting out the product…' : 'Create campaign'}
        </button>
      </div>
    </form>
  );
}

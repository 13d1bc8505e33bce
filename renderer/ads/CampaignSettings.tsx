import type { FormEvent } from 'react';
import type { Campaign } from '../../shared/model';
import { useApiMutation } from '../api';
import { BrandRulesFields } from './BrandRulesFields';
import type { CampaignDraft } from './campaign-draft';
import { CopyFields } from './CopyFields';
import { CountedField } from './CountedField';
import { FormatChoices } from './FormatChoices';
import { LogoChoice } from './LogoChoice';
import { useDraft } from './use-draft';

type Settings = Omit<CampaignDraft, 'themes'>;

/** The campaign's own fields after creation: copy, formats, logo, brand rules. New variants use them. */
export function CampaignSettings({ campaign }: { campaign: Campaign }) {
  const [draft, set] = useDraft<Settings>(() => ({
    name: campaign.name,
    productName: campaign.productName,
    notes: campaign.notes,
    copy: campaign.copy,
    formats: campaign.formats,
    logoHash: campaign.logoHash,
    brand: campaign.brand,
  }));
  const update = useApiMutation('updateCampaign');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.formats.length > 0) update.mutate({ id: campaign.id, patch: draft });
  };
  return (
    <details className="settings-section ads-details">
      <summary>
        <h2>Campaign, copy and brand rules</h2>
      </summary>
      <form className="ads-form" onSubmit={submit} aria-label="Campaign settings">
        <CountedField label="Campaign name" value={draft.name} max={80} required onChange={(name) => set({ name })} />
        <CountedField
          label="Product name"
          value={draft.productName}
          max={80}
          required
          onChange={(productName) => set({ productName })}
        />
        <CountedField
          label="Notes and claims"
          value={draft.notes}
          max={1000}
          multiline
          onChange={(notes) => set({ notes })}
        />
        <CopyFields copy={draft.copy} onChange={(copy) => set({ copy })} />
        <FormatChoices formats={draft.formats} onChange={(formats) => set({ formats })} />
        <LogoChoice logoHash={draft.logoHash} onChange={(logoHash) => set({ logoHash })} />
        <BrandRulesFields brand={draft.brand} onChange={(brand) => set({ brand })} />
        <p className="small muted">
          Changes apply to variants generated from now on; concepts keep their prompts until rebuilt.
        </p>
        <div className="inline-form">
          <button type="submit" className="primary" disabled={update.isPending || draft.formats.length === 0}>
            Save changes
          </button>
          {update.isSuccess && (
            <span className="small muted" role="status">
              Saved.
            </span>
          )}
          {update.error && (
            <span className="error-text small" role="alert">
              Could not save: {update.error.message}
            </span>
          )}
        </div>
      </form>
    </details>
  );
}

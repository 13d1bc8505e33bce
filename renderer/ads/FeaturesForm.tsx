import type { SalientFeatures } from '../../shared/model';
import { CampaignPatchForm } from './CampaignPatchForm';
import { CountedField } from './CountedField';
import { NamedColoursField } from './NamedColoursField';
import { useDraft } from './use-draft';
import { WordListField } from './WordListField';

interface FeaturesFormProps {
  campaignId: string;
  features: SalientFeatures;
  onDone(): void;
}

/** Corrects what the library or the model said about the product; saved as edited by hand. */
export function FeaturesForm({ campaignId, features, onDone }: FeaturesFormProps) {
  const [draft, set] = useDraft(features);
  const patch = () => {
    const colours = draft.colours.map((c) => ({ ...c, name: c.name.trim() || c.hex }));
    return { features: { ...draft, colours, source: 'edited' } };
  };
  return (
    <CampaignPatchForm
      campaignId={campaignId}
      label="Edit product features"
      saveLabel="Save features"
      patch={patch}
      onDone={onDone}
    >
      <CountedField
        label="Product type"
        value={draft.productType}
        max={60}
        required
        onChange={(productType) => set({ productType })}
      />
      <WordListField
        label="Materials"
        words={draft.materials}
        onChange={(materials) => set({ materials })}
        hint="Comma-separated."
      />
      <NamedColoursField colours={draft.colours} onChange={(colours) => set({ colours })} />
      <WordListField
        label="Selling points"
        words={draft.sellingPoints}
        onChange={(sellingPoints) => set({ sellingPoints })}
        perLine
        hint="One per line."
      />
    </CampaignPatchForm>
  );
}

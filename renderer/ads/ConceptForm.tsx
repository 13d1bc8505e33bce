import type { Campaign, Concept } from '../../shared/model';
import { CampaignPatchForm } from './CampaignPatchForm';
import { ColourListField } from './ColourListField';
import { CountedField } from './CountedField';
import { useDraft } from './use-draft';

interface ConceptFormProps {
  campaign: Campaign;
  concept: Concept;
  onDone(): void;
}

/** Rewrites one concept's prompts and palette; the other concepts are saved as they are. */
export function ConceptForm({ campaign, concept, onDone }: ConceptFormProps) {
  const [draft, set] = useDraft(concept);
  const patch = () => ({ concepts: campaign.concepts.map((c) => (c.id === concept.id ? draft : c)) });
  return (
    <CampaignPatchForm
      campaignId={campaign.id}
      label="Edit concept"
      saveLabel="Save concept"
      patch={patch}
      onDone={onDone}
    >
      <CountedField
        label="Prompt"
        value={draft.prompt}
        max={1024}
        required
        multiline
        onChange={(prompt) => set({ prompt })}
      />
      <CountedField
        label="Negative prompt"
        value={draft.negativePrompt}
        max={1024}
        multiline
        onChange={(negativePrompt) => set({ negativePrompt })}
      />
      <ColourListField label="Palette" colours={draft.palette} max={10} onChange={(palette) => set({ palette })} />
    </CampaignPatchForm>
  );
}

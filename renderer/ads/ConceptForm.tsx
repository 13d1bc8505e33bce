import { useState, type FormEvent } from 'react';
import type { Campaign, Concept } from '../../shared/model';
import { useApiMutation } from '../api';
import { ColourListField } from './ColourListField';
import { CountedField } from './CountedField';

interface ConceptFormProps {
  campaign: Campaign;
  concept: Concept;
  onDone(): void;
}

/** Rewrites one concept's prompts and palette; the other concepts are saved as they are. */
export function ConceptForm({ campaign, concept, onDone }: ConceptFormProps) {
  const [draft, setDraft] = useState(concept);
  const update = useApiMutation('updateCampaign');
  const set = (patch: Partial<Concept>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const concepts = campaign.concepts.map((c) => (c.id === concept.id ? draft : c));
    update.mutate({ id: campaign.id, patch: { concepts } }, { onSuccess: onDone });
  };
  return (
    <form className="ads-form" onSubmit={submit} aria-label="Edit concept">
      <CountedField label="Prompt" value={draft.prompt} max={1024} required multiline onChange={(prompt) => set({ prompt })} />
      <CountedField label="Negative prompt" value={draft.negativePrompt} max={1024} multiline onChange={(negativePrompt) => set({ negativePrompt })} />
      <ColourListField label="Palette" colours={draft.palette} max={10} onChange={(palette) => set({ palette })} />
      {update.error && (
        <p className="error-text small" role="alert">
          Could not save: {update.error.message}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={update.isPending}>
          Save concept
        </button>
      </div>
    </form>
  );
}

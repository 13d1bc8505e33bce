import { useState, type FormEvent } from 'react';
import type { SalientFeatures } from '../../shared/model';
import { useApiMutation } from '../api';
import { CountedField } from './CountedField';
import { NamedColoursField } from './NamedColoursField';
import { WordListField } from './WordListField';

interface FeaturesFormProps {
  campaignId: string;
  features: SalientFeatures;
  onDone(): void;
}

/** Corrects what the library or the model said about the product; saved as edited by hand. */
export function FeaturesForm({ campaignId, features, onDone }: FeaturesFormProps) {
  const [draft, setDraft] = useState(features);
  const update = useApiMutation('updateCampaign');
  const set = (patch: Partial<SalientFeatures>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const colours = draft.colours.map((c) => ({ ...c, name: c.name.trim() || c.hex }));
    update.mutate({ id: campaignId, patch: { features: { ...draft, colours, source: 'edited' } } }, { onSuccess: onDone });
  };
  return (
    <form className="ads-form" onSubmit={submit} aria-label="Edit product features">
      <CountedField label="Product type" value={draft.productType} max={60} required onChange={(productType) => set({ productType })} />
      <WordListField label="Materials" words={draft.materials} onChange={(materials) => set({ materials })} hint="Comma-separated." />
      <NamedColoursField colours={draft.colours} onChange={(colours) => set({ colours })} />
      <WordListField label="Selling points" words={draft.sellingPoints} onChange={(sellingPoints) => set({ sellingPoints })} perLine hint="One per line." />
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
          Save features
        </button>
      </div>
    </form>
  );
}

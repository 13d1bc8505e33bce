import type { FormEvent, ReactNode } from 'react';
import type { ApiInput } from '../../shared/api';
import { useApiMutation } from '../api';

interface CampaignPatchFormProps {
  campaignId: string;
  /** The form's accessible name. */
  label: string;
  saveLabel: string;
  /** What Save writes to the campaign, read when it is pressed. */
  patch(): ApiInput<'updateCampaign'>['patch'];
  /** Called on Cancel, and once the change is saved. */
  onDone(): void;
  children: ReactNode;
}

/** An in-place editor for part of a campaign: its fields, then Cancel and Save, and why a save failed. */
export function CampaignPatchForm({ campaignId, label, saveLabel, patch, onDone, children }: CampaignPatchFormProps) {
  const update = useApiMutation('updateCampaign');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: campaignId, patch: patch() }, { onSuccess: onDone });
  };
  return (
    <form className="ads-form" onSubmit={submit} aria-label={label}>
      {children}
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
          {saveLabel}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import type { AiSettings, AttributeField } from '../../shared/model';
import { ATTRIBUTE_FIELDS } from '../../shared/model';
import { FIELD_LABELS } from '../detail/ModelAttributeList';
import { SettingFeedback } from './SettingFeedback';
import { useSettingCommit } from './use-setting-commit';

type Trust = AiSettings['trustedFields'][number];

/**
 * Fields the team trusts a model with: its answers for them count as approved without a
 * reviewer (searchable and exported). The Quality page says which models earn that.
 */
export function TrustedFields({ settings }: { settings: AiSettings }) {
  const { commit, error, status } = useSettingCommit('trustedFields');
  const [modelId, setModelId] = useState(settings.attributesModel);
  const [field, setField] = useState<AttributeField>('patternTypes');
  const save = (next: Trust[]) => commit(next);
  const add = (event: FormEvent) => {
    event.preventDefault();
    const id = modelId.trim();
    if (!id || settings.trustedFields.some((t) => t.modelId === id && t.field === field)) return;
    save([...settings.trustedFields, { modelId: id, field }]);
  };
  return (
    <div className="trusted-fields" data-testid="trusted-fields">
      {settings.trustedFields.length === 0 ? (
        <p className="small muted">No model is trusted for any field: every answer waits for a reviewer.</p>
      ) : (
        <ul className="plain-list">
          {settings.trustedFields.map((t) => (
            <li key={`${t.modelId}\n${t.field}`} data-testid="trusted-field">
              <strong>{FIELD_LABELS[t.field]}</strong> from <code>{t.modelId}</code>{' '}
              <button
                type="button"
                className="compact"
                aria-label={`Stop trusting ${t.modelId} for ${FIELD_LABELS[t.field]}`}
                onClick={() => save(settings.trustedFields.filter((x) => x !== t))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={add}>
        <input
          type="text"
          aria-label="Trusted model id"
          value={modelId}
          onChange={(e) => setModelId(e.target.value)}
          spellCheck={false}
          list="bedrock-model-ids"
        />
        <select aria-label="Trusted field" value={field} onChange={(e) => setField(e.target.value as AttributeField)}>
          {ATTRIBUTE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {FIELD_LABELS[f]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!modelId.trim()}>
          Trust
        </button>
      </form>
      <SettingFeedback status={status} error={error} />
    </div>
  );
}

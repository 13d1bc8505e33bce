import { useId } from 'react';
import type { AiSettings } from '../../shared/model';
import { SettingRow } from './SettingRow';
import { useSettingCommit } from './use-setting-commit';
import { useSyncedState } from './use-synced-state';

type TextKey =
  | 'region'
  | 'attributesModel'
  | 'escalationModel'
  | 'imageModel'
  | 'videoOutputS3Uri'
  | 'pricesAsOf'
  | 'batchS3Uri'
  | 'batchRoleArn';

interface TextSettingProps {
  settingKey: TextKey;
  label: string;
  value: string | null;
  hint?: string;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  placeholder?: string;
  /** An empty field saves null (e.g. "never escalate"). */
  nullable?: boolean;
}

/** A text setting saved on Enter or when focus leaves it. */
export function TextSetting({ settingKey, label, value, hint, list, placeholder, nullable = false }: TextSettingProps) {
  const id = useId();
  const { commit, reset, error, status } = useSettingCommit(settingKey);
  const [draft, setDraft] = useSyncedState(value ?? '');
  const save = () => {
    const next = draft.trim();
    if (next === (value ?? '')) reset();
    else commit((next === '' && nullable ? null : next) as AiSettings[TextKey]);
  };
  return (
    <SettingRow label={label} htmlFor={id} hint={hint} status={status} error={error}>
      <input
        id={id}
        type="text"
        className="setting-input wide"
        value={draft}
        list={list}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
    </SettingRow>
  );
}

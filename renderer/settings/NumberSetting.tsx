import { useId, useState } from 'react';
import { SettingRow } from './SettingRow';
import { useSettingCommit } from './use-setting-commit';
import { useSyncedState } from './use-synced-state';

type NumberKey =
  | 'escalationThreshold'
  | 'remoteConcurrency'
  | 'designsPerCall'
  | 'requestTimeoutMs'
  | 'monthlyBudgetUsd'
  | 'batchThreshold';

interface NumberSettingProps {
  settingKey: NumberKey;
  label: string;
  value: number;
  min: number;
  max?: number;
  step: number;
  unit?: string;
  /** Stored value per displayed unit: 1000 shows milliseconds as seconds. */
  scale?: number;
  hint?: string;
  /** Shown but not changeable here (the hint says why). */
  disabled?: boolean;
}

/** A number setting in the unit people think in, saved on Enter or when focus leaves it. */
export function NumberSetting({
  settingKey,
  label,
  value,
  min,
  max,
  step,
  unit,
  scale = 1,
  hint,
  disabled,
}: NumberSettingProps) {
  const id = useId();
  const { commit, reset, error, status } = useSettingCommit(settingKey);
  const [draft, setDraft] = useSyncedState(String(value / scale));
  const [notANumber, setNotANumber] = useState(false);
  const save = () => {
    const shownValue = Number(draft);
    setNotANumber(draft.trim() === '' || !Number.isFinite(shownValue));
    if (draft.trim() === '' || !Number.isFinite(shownValue)) return;
    const next = Math.round(shownValue * scale * 1e6) / 1e6;
    if (next === value) reset();
    else commit(next);
  };
  const message = notANumber ? 'Enter a number.' : error;
  return (
    <SettingRow label={label} htmlFor={id} hint={hint} status={notANumber ? null : status} error={message}>
      <input
        id={id}
        type="number"
        className="setting-input number"
        value={draft}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
      {unit && <span className="muted">{unit}</span>}
    </SettingRow>
  );
}

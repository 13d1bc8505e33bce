import { useState, type FormEvent } from 'react';
import type { RepeatSize } from '../../shared/model';

interface RepeatFieldProps {
  repeat: RepeatSize;
  disabled: boolean;
  onSave(repeat: RepeatSize): void;
}

const MAX_SIDE = 100_000;

/** One tile's width × height in original pixels, or "no repeat". Keyed by the value it shows, so a save or undo resets it. */
export function RepeatField({ repeat, disabled, onSave }: RepeatFieldProps) {
  const [width, setWidth] = useState(repeat ? String(repeat.width) : '');
  const [height, setHeight] = useState(repeat ? String(repeat.height) : '');
  const size = { width: Number(width), height: Number(height) };
  const valid = [size.width, size.height].every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_SIDE);
  const unchanged = repeat !== null && repeat.width === size.width && repeat.height === size.height;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid && !unchanged) onSave(size);
  };
  const side = (label: string, value: string, set: (value: string) => void) => (
    <input
      type="number"
      min={1}
      max={MAX_SIDE}
      aria-label={`Repeat ${label} in pixels`}
      placeholder={label}
      value={value}
      disabled={disabled}
      onChange={(e) => set(e.target.value)}
      data-testid={`repeat-${label}`}
    />
  );
  return (
    <form className="inline-form repeat-form" onSubmit={submit} data-testid="repeat-form">
      {side('width', width, setWidth)}
      <span aria-hidden="true">×</span>
      {side('height', height, setHeight)}
      <span className="muted small">px</span>
      <button type="submit" disabled={disabled || !valid || unchanged}>
        Set
      </button>
      <button type="button" disabled={disabled || repeat === null} onClick={() => onSave(null)} data-testid="no-repeat">
        No repeat
      </button>
    </form>
  );
}

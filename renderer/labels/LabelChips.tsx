import { COLOUR_NAMES } from '../../shared/vocabulary/colour-names';

interface LabelChipsProps {
  /** What the values are, for the controls' names ("pattern label", "colour"). */
  noun: string;
  values: readonly string[];
  options: readonly string[];
  /** The first value is the dominant one: other chips can be made dominant, and "Change to" replaces it. */
  ordered?: boolean;
  disabled: boolean;
  testId: string;
  onChange(values: string[]): void;
}

const SWATCHES = new Map<string, string>(COLOUR_NAMES.map((c) => [c.name, c.hex]));

/** Labels from a fixed vocabulary as removable chips, with choices to add (or, when ordered, to change the dominant one). */
export function LabelChips({ noun, values, options, ordered = false, disabled, testId, onChange }: LabelChipsProps) {
  const rest = options.filter((option) => !values.includes(option));
  const choose = (label: string, value: string, next: (value: string) => string[]) => (
    <select
      aria-label={`${label} ${noun}`}
      value=""
      disabled={disabled || rest.length === 0}
      onChange={(e) => e.target.value && onChange(next(e.target.value))}
      data-testid={`${testId}-${label.toLowerCase().replace(/\s+/g, '-')}`}
    >
      <option value="">{value}</option>
      {rest.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
  return (
    <div className="chips label-chips" data-testid={testId}>
      {values.map((value, i) => (
        <span
          key={value}
          className={`chip label-chip${ordered && i === 0 ? ' dominant' : ''}`}
          data-testid={`${testId}-chip`}
        >
          {SWATCHES.has(value) && <span className="swatch" style={{ backgroundColor: SWATCHES.get(value) }} />}
          {ordered && i > 0 ? (
            <button
              type="button"
              className="link-button"
              title={`Make “${value}” the dominant ${noun}`}
              disabled={disabled}
              onClick={() => onChange([value, ...values.filter((v) => v !== value)])}
            >
              {value}
            </button>
          ) : (
            <span data-testid={ordered ? 'pattern-label' : undefined}>{value}</span>
          )}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove ${noun} ${value}`}
            title={values.length === 1 ? `An image keeps at least one ${noun}` : `Remove “${value}”`}
            disabled={disabled || values.length === 1}
            onClick={() => onChange(values.filter((v) => v !== value))}
          >
            ×
          </button>
        </span>
      ))}
      {ordered && choose('Change to', 'Change to…', (value) => [value, ...values.slice(1)])}
      {choose('Add', ordered ? 'Also…' : 'Add…', (value) => [...values, value])}
    </div>
  );
}

import { useId } from 'react';

interface CountedFieldProps {
  label: string;
  value: string;
  max: number;
  onChange(value: string): void;
  required?: boolean;
  multiline?: boolean;
  placeholder?: string;
}

/** A text field that shows how much of its limit is used: ad copy has to fit the smallest format. */
export function CountedField({ label, value, max, onChange, required, multiline, placeholder }: CountedFieldProps) {
  const id = useId();
  const props = {
    id,
    value,
    maxLength: max,
    required,
    placeholder,
    'aria-describedby': `${id}-count`,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="ads-field">
      <label htmlFor={id}>
        {label}
        {!required && <span className="muted"> (optional)</span>}
      </label>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      <span id={`${id}-count`} className="small muted ads-count">
        {value.length}/{max}
        <span className="visually-hidden"> characters</span>
      </span>
    </div>
  );
}

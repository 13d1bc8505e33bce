import type { ReactNode } from 'react';

interface RequiredChoicesProps<T extends string> {
  legend: string;
  /** Every option, in the order they are shown and kept. */
  options: readonly T[];
  chosen: readonly T[];
  onChange(chosen: T[]): void;
  label(option: T): ReactNode;
  /** What one option is called: "Choose at least one format." */
  noun: string;
}

/** Tick boxes of which at least one must be ticked; the list keeps the options' order, whatever order they were ticked in. */
export function RequiredChoices<T extends string>({
  legend,
  options,
  chosen,
  onChange,
  label,
  noun,
}: RequiredChoicesProps<T>) {
  const toggle = (option: T, on: boolean) =>
    onChange(options.filter((item) => (item === option ? on : chosen.includes(item))));
  return (
    <fieldset className="ads-fieldset ads-choices">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(option)}
            onChange={(event) => toggle(option, event.target.checked)}
          />
          {label(option)}
        </label>
      ))}
      {chosen.length === 0 && (
        <span className="small error-text" role="alert">
          Choose at least one {noun}.
        </span>
      )}
    </fieldset>
  );
}

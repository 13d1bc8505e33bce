interface ColourListFieldProps {
  label: string;
  colours: readonly string[];
  onChange(colours: string[]): void;
  max: number;
  /** The colour a new entry starts as. */
  next?: string;
}

/** Hex colours as swatches, each changed with the system colour picker, added and removed in place. */
export function ColourListField({ label, colours, onChange, max, next = '#1b2a4a' }: ColourListFieldProps) {
  const replace = (index: number, hex: string) =>
    onChange(colours.map((colour, i) => (i === index ? hex.toLowerCase() : colour)));
  return (
    <fieldset className="ads-colour-list">
      <legend>{label}</legend>
      <ul className="chips" aria-label={label}>
        {colours.map((hex, index) => (
          <li key={index} className="ads-colour-item">
            <input
              type="color"
              value={hex}
              aria-label={`${label}: colour ${index + 1}`}
              onChange={(event) => replace(index, event.target.value)}
            />
            <code>{hex}</code>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${hex}`}
              onClick={() => onChange(colours.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="compact"
            disabled={colours.length >= max}
            onClick={() => onChange([...colours, next])}
          >
            Add colour
          </button>
        </li>
      </ul>
    </fieldset>
  );
}

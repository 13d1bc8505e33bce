import type { SalientFeatures } from '../../shared/model';

type NamedColour = SalientFeatures['colours'][number];

interface NamedColoursFieldProps {
  colours: readonly NamedColour[];
  onChange(colours: NamedColour[]): void;
}

const MAX_COLOURS = 8;

/** The product's colours, each a swatch with the name the prompts use. */
export function NamedColoursField({ colours, onChange }: NamedColoursFieldProps) {
  const replace = (index: number, patch: Partial<NamedColour>) =>
    onChange(colours.map((colour, i) => (i === index ? { ...colour, ...patch } : colour)));
  return (
    <fieldset className="ads-colour-list">
      <legend>Colours</legend>
      <ul className="ads-named-colours">
        {colours.map((colour, index) => (
          <li key={index} className="inline-form">
            <input
              type="color"
              value={colour.hex}
              aria-label={`Colour ${index + 1}`}
              onChange={(event) => replace(index, { hex: event.target.value.toLowerCase() })}
            />
            <input
              type="text"
              value={colour.name}
              maxLength={40}
              aria-label={`Name of colour ${index + 1}`}
              onChange={(event) => replace(index, { name: event.target.value })}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove colour ${index + 1}`}
              onClick={() => onChange(colours.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="compact"
        disabled={colours.length >= MAX_COLOURS}
        onClick={() => onChange([...colours, { name: '', hex: '#808080' }])}
      >
        Add colour
      </button>
    </fieldset>
  );
}

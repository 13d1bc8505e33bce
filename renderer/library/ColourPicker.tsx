import { useState } from 'react';
import type { Filters } from './url-state';

type ColourNear = NonNullable<Filters['colourNear']>;

interface ColourPickerProps {
  value: ColourNear | undefined;
  onChange(value: ColourNear | undefined, live: boolean): void;
}

/** "Find images containing a colour like this": sets the colourNear filter. */
export function ColourPicker({ value, onChange }: ColourPickerProps) {
  const [draftHex, setDraftHex] = useState('#1b2a4a');
  const hex = value?.hex ?? draftHex;
  const tolerance = value?.tolerance ?? 12;
  return (
    <div className="colour-picker" data-testid="colour-picker">
      <input
        type="color"
        aria-label="Colour"
        value={hex}
        onChange={(e) => {
          setDraftHex(e.target.value);
          onChange({ hex: e.target.value, tolerance }, true);
        }}
      />
      <label className="tolerance">
        <span className="small muted">±{tolerance}</span>
        <input
          type="range"
          min={1}
          max={50}
          value={tolerance}
          aria-label="Colour tolerance"
          onChange={(e) => onChange({ hex, tolerance: Number(e.target.value) }, true)}
        />
      </label>
      {value ? (
        <button type="button" className="link-button" onClick={() => onChange(undefined, false)}>
          Clear
        </button>
      ) : (
        <button type="button" className="link-button" onClick={() => onChange({ hex, tolerance }, false)}>
          Find
        </button>
      )}
    </div>
  );
}

import type { PaletteColour } from '../../shared/model';
import { percent } from '../components/format';
import { isLightColour } from '../components/light-colour';

interface PaletteSwatchesProps {
  palette: PaletteColour[];
  onPick(hex: string): void;
}

/** The palette as a proportional bar plus labelled swatches; clicking one searches by that colour. */
export function PaletteSwatches({ palette, onPick }: PaletteSwatchesProps) {
  return (
    <div className="palette" data-testid="palette">
      <div className="palette-bar" aria-hidden="true">
        {palette.map((colour, i) => (
          <span
            key={i}
            className={isLightColour(colour.hex) ? 'light' : undefined}
            style={{ backgroundColor: colour.hex, flexGrow: colour.share }}
          />
        ))}
      </div>
      <ul className="palette-list">
        {palette.map((colour, i) => (
          <li key={i}>
            <button
              type="button"
              className="palette-swatch"
              title={`Find images with ${colour.hex}`}
              data-testid="palette-swatch"
              data-hex={colour.hex}
              onClick={() => onPick(colour.hex)}
            >
              <span
                className={`swatch large${isLightColour(colour.hex) ? ' light' : ''}`}
                style={{ backgroundColor: colour.hex }}
              />
              <span className="palette-name">{colour.name}</span>
              <code className="small">{colour.hex}</code>
              <span className="small muted">{percent(colour.share)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

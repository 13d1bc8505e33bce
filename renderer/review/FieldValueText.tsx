import type { NamedColour } from '../../shared/model';
import { valueText } from './field-values';

const isColour = (value: unknown): value is NamedColour =>
  typeof value === 'object' && value !== null && 'hex' in value;
const HEX = /^#[0-9a-f]{6}$/i;

/** A field's value as text nodes only: model replies may carry markup, which is shown, never run. */
export function FieldValueText({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return <span className="muted">–</span>;
  if (Array.isArray(value) && value.every(isColour)) {
    return (
      <span className="colour-values">
        {value.map((colour, i) => (
          <span key={i} className="colour-value">
            <span className="swatch" style={{ backgroundColor: HEX.test(colour.hex) ? colour.hex : 'transparent' }} />
            {colour.name} <code>{colour.hex}</code>
          </span>
        ))}
      </span>
    );
  }
  return <>{valueText(value)}</>;
}

import type { ReactNode } from 'react';
import type { AttributeField, ModelAttributes } from '../../shared/model';
import { ConfidenceMeter } from './ConfidenceMeter';

/** What each attribute field is called in the UI (the detail panel and the review workspace). */
export const FIELD_LABELS: Record<AttributeField, string> = {
  description: 'Description',
  patternTypes: 'Pattern',
  motifs: 'Motifs',
  colours: 'Colours',
  style: 'Style',
  repeatScale: 'Repeat scale',
  technique: 'Technique',
  mood: 'Mood',
  suitableProducts: 'Products',
  keywords: 'Keywords',
};

/** Every value is a text node: a model's reply may contain markup or instructions, and is shown, never run. */
function fieldValue(attributes: ModelAttributes, field: AttributeField): ReactNode {
  if (field === 'colours') {
    return (
      <ul className="ai-colours">
        {attributes.colours.map((colour, i) => (
          <li key={i}>
            <span className="swatch" style={{ backgroundColor: colour.hex }} />
            {colour.name} <code>{colour.hex}</code>
          </li>
        ))}
      </ul>
    );
  }
  const value = attributes[field];
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text || <span className="muted">–</span>;
}

/** One analyzer's answer, field by field, each with its confidence. */
export function ModelAttributeList({ attributes }: { attributes: ModelAttributes }) {
  return (
    <dl className="ai-fields">
      {(Object.keys(FIELD_LABELS) as AttributeField[]).map((field) => (
        <div key={field} className="ai-field" data-field={field}>
          <dt>{FIELD_LABELS[field]}</dt>
          <dd data-testid={`ai-${field}`}>{fieldValue(attributes, field)}</dd>
          <dd className="ai-confidence">
            <ConfidenceMeter value={attributes.confidence[field]} label={FIELD_LABELS[field]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

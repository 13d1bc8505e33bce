import type { AdCopy } from '../../shared/model';
import { CountedField } from './CountedField';

interface CopyFieldsProps {
  copy: AdCopy;
  onChange(copy: AdCopy): void;
}

/** Headline, sub-line and call to action, with the limits that keep them legible on a 300×250. */
export function CopyFields({ copy, onChange }: CopyFieldsProps) {
  return (
    <fieldset className="ads-fieldset">
      <legend>Copy</legend>
      <CountedField
        label="Headline"
        value={copy.headline}
        max={60}
        required
        onChange={(headline) => onChange({ ...copy, headline })}
      />
      <CountedField
        label="Sub-line"
        value={copy.subline}
        max={120}
        onChange={(subline) => onChange({ ...copy, subline })}
      />
      <CountedField
        label="Call to action"
        value={copy.cta}
        max={24}
        required
        onChange={(cta) => onChange({ ...copy, cta })}
      />
    </fieldset>
  );
}

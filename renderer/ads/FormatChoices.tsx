import { AD_FORMAT_IDS, type AdFormatId } from '../../shared/model';
import { formatLabel } from './ad-labels';
import { RequiredChoices } from './RequiredChoices';

interface FormatChoicesProps {
  formats: readonly AdFormatId[];
  onChange(formats: AdFormatId[]): void;
}

/** The channel sizes to render; at least one. */
export function FormatChoices({ formats, onChange }: FormatChoicesProps) {
  return (
    <RequiredChoices
      legend="Formats"
      options={AD_FORMAT_IDS}
      chosen={formats}
      onChange={onChange}
      label={formatLabel}
      noun="format"
    />
  );
}

import { AD_FORMAT_IDS, type AdFormatId } from '../../shared/model';
import { formatLabel } from './ad-labels';
import { toggled } from './campaign-draft';

interface FormatChoicesProps {
  formats: readonly AdFormatId[];
  onChange(formats: AdFormatId[]): void;
}

/** The channel sizes to render; at least one. */
export function FormatChoices({ formats, onChange }: FormatChoicesProps) {
  return (
    <fieldset className="ads-fieldset ads-choices">
      <legend>Formats</legend>
      {AD_FORMAT_IDS.map((id) => (
        <label key={id} className="choice">
          <input type="checkbox" checked={formats.includes(id)} onChange={(event) => onChange(toggled(AD_FORMAT_IDS, formats, id, event.target.checked))} />
          {formatLabel(id)}
        </label>
      ))}
      {formats.length === 0 && (
        <span className="small error-text" role="alert">
          Choose at least one format.
        </span>
      )}
    </fieldset>
  );
}

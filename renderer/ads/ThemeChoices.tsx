import { THEMES, type Theme } from '../../shared/model';
import { THEME_LABELS } from './ad-labels';
import { toggled } from './campaign-draft';

const THEME_HINTS: Record<Theme, string> = {
  studio: 'a clean studio sweep in the product’s colours',
  seasonal: 'a seasonal setting',
  lifestyle: 'the product in use',
  pattern: 'a pattern from your library behind the product',
};

interface ThemeChoicesProps {
  themes: readonly Theme[];
  onChange(themes: Theme[]): void;
  legend?: string;
}

/** Which concepts to write: one per theme. */
export function ThemeChoices({ themes, onChange, legend = 'Themes' }: ThemeChoicesProps) {
  return (
    <fieldset className="ads-fieldset ads-choices">
      <legend>{legend}</legend>
      {THEMES.map((theme) => (
        <label key={theme} className="choice">
          <input type="checkbox" checked={themes.includes(theme)} onChange={(event) => onChange(toggled(THEMES, themes, theme, event.target.checked))} />
          <span>
            {THEME_LABELS[theme]} <span className="small muted">— {THEME_HINTS[theme]}</span>
          </span>
        </label>
      ))}
      {themes.length === 0 && (
        <span className="small error-text" role="alert">
          Choose at least one theme.
        </span>
      )}
    </fieldset>
  );
}

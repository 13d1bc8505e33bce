import { THEMES, type Theme } from '../../shared/model';
import { THEME_LABELS } from './ad-labels';
import { RequiredChoices } from './RequiredChoices';

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

const themeLabel = (theme: Theme) => (
  <span>
    {THEME_LABELS[theme]} <span className="small muted">— {THEME_HINTS[theme]}</span>
  </span>
);

/** Which concepts to write: one per theme. */
export function ThemeChoices({ themes, onChange, legend = 'Themes' }: ThemeChoicesProps) {
  return (
    <RequiredChoices
      legend={legend}
      options={THEMES}
      chosen={themes}
      onChange={onChange}
      label={themeLabel}
      noun="theme"
    />
  );
}

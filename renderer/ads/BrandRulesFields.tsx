import type { BrandRules } from '../../shared/model';
import { ColourListField } from './ColourListField';
import { CountedField } from './CountedField';
import { WordListField } from './WordListField';

interface BrandRulesFieldsProps {
  brand: BrandRules;
  onChange(brand: BrandRules): void;
}

/** What the brand forbids and demands: checked on every variant, and the guardrail on every prompt sent. */
export function BrandRulesFields({ brand, onChange }: BrandRulesFieldsProps) {
  const set = (patch: Partial<BrandRules>) => onChange({ ...brand, ...patch });
  return (
    <fieldset className="ads-fieldset">
      <legend>Brand rules</legend>
      <WordListField
        label="Forbidden words"
        words={brand.forbiddenWords}
        onChange={(forbiddenWords) => set({ forbiddenWords })}
        placeholder="cheap, free, guaranteed"
        hint="Comma-separated. Flagged in the copy; prompts containing them are never sent to a model."
      />
      <CountedField
        label="Required disclaimer"
        value={brand.requiredDisclaimer}
        max={160}
        onChange={(requiredDisclaimer) => set({ requiredDisclaimer })}
      />
      <ColourListField
        label="Allowed text and button colours"
        colours={brand.allowedColours}
        max={16}
        onChange={(allowedColours) => set({ allowedColours })}
      />
      <p className="small muted">No colours: any colour is allowed.</p>
      <div className="ads-field-row">
        <CountedField
          label="Bedrock Guardrail id"
          value={brand.guardrailId}
          max={128}
          onChange={(guardrailId) => set({ guardrailId })}
        />
        <CountedField
          label="Guardrail version"
          value={brand.guardrailVersion}
          max={16}
          placeholder="DRAFT"
          onChange={(guardrailVersion) => set({ guardrailVersion })}
        />
      </div>
      <p className="small muted">
        The guardrail checks prompts before they are sent to Amazon Bedrock; the local compositor sends nothing.
      </p>
      <div className="ads-field-row">
        <CountedField
          label="Brand font file (titles, button)"
          value={brand.headlineFont ?? ''}
          max={1024}
          placeholder="/path/to/Brand-Bold.otf"
          onChange={(headlineFont) => set({ headlineFont })}
        />
        <CountedField
          label="Brand font file (body text)"
          value={brand.bodyFont ?? ''}
          max={1024}
          placeholder="/path/to/Brand-Regular.ttf"
          onChange={(bodyFont) => set({ bodyFont })}
        />
      </div>
      <p className="small muted">
        A TrueType or OpenType file on this computer, used for the headline and button, and for the sub-line and fine
        print. Empty: the system&apos;s sans-serif.
      </p>
    </fieldset>
  );
}

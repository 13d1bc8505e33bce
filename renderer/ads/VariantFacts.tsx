import { RENDERED_STATES, type AdVariant, type TextLegibility, type VariantEdit } from '../../shared/model';
import { formatUsd } from '../components/format';
import { CONTRAST_AA } from './ad-labels';

const FIX_WORDS: Record<TextLegibility['fixes'][number], string> = {
  blur: 'background softened',
  scrim: 'scrim',
  panel: 'panel',
};

/** "headline: background softened + scrim": what the layout did so each text reads. */
function fixesOf(legibility: readonly TextLegibility[]): string[] {
  return legibility
    .filter((l) => l.fixes.length)
    .map((l) => `${l.slot}: ${l.fixes.map((f) => FIX_WORDS[f]).join(' + ')}`);
}

/** What an edit did, in words: "the background painted #c8b8a0", "the brushed region repainted: …". */
function editWords(edit: VariantEdit): string {
  const where = REGION_WORDS[edit.region];
  switch (edit.kind) {
    case 'recolour':
      return `${where} painted ${edit.colour}`;
    case 'fill':
      return `${where} filled from around it`;
    case 'inpaint':
      return edit.prompt ? `${where} repainted: “${edit.prompt}”` : `${where} removed by the model`;
    case 'variation':
      return `more like it (similarity ${edit.similarity?.toFixed(2)})${edit.prompt ? `: “${edit.prompt}”` : ''}`;
  }
}

const REGION_WORDS: Record<VariantEdit['region'], string> = {
  strokes: 'the brushed region',
  background: 'the background',
  'all-but-product': 'all but the product',
};

interface VariantFactsProps {
  variant: AdVariant;
  /** The variant this one was edited from (null: deleted since; undefined: not an edit). */
  editedFrom?: AdVariant | null;
}

/** Lineage, contrast, cost, what needs attention and why, what was drawn, or why it has no picture. */
export function VariantFacts({ variant, editedFrom }: VariantFactsProps) {
  const lowContrast = variant.contrast !== null && variant.contrast < CONTRAST_AA;
  const fixes = fixesOf(variant.legibility ?? []);
  const attention = variant.attention ?? [];
  return (
    <>
      {variant.parentId && (
        <p className="small muted" data-testid="variant-lineage">
          Edited from {editedFrom ? `#${editedFrom.index}` : 'a deleted variant'}
          {variant.edit && ` · ${editWords(variant.edit)}`}
        </p>
      )}
      {RENDERED_STATES.includes(variant.state) && (
        <p className="small ad-variant-facts">
          <span
            className={lowContrast ? 'warning-text' : undefined}
            title="Lowest WCAG contrast of the text against the darkest and lightest pixels behind it (4.5:1 passes AA)"
          >
            Contrast {variant.contrast === null ? '–' : `${variant.contrast.toFixed(1)}:1`}
            {lowContrast && ' (low)'}
          </span>
          <span className="muted"> · {formatUsd(variant.costUsd)}</span>
          {fixes.length > 0 && (
            <span className="muted" data-testid="variant-legibility">
              {' '}
              · {fixes.join('; ')}
            </span>
          )}
        </p>
      )}
      {variant.error && (
        <p
          className={`small ${variant.state === 'blocked' ? 'warning-text' : 'error-text'}`}
          data-testid="variant-error"
        >
          {variant.error}
        </p>
      )}
      {attention.length > 0 && (
        <ul
          className="small warning-text ad-variant-warnings"
          aria-label="Needs attention"
          data-testid="variant-warnings"
        >
          {attention.map((problem) => (
            <li key={problem}>⚠ {problem}</li>
          ))}
        </ul>
      )}
      {variant.recipe && (
        <p className="small muted" data-testid="variant-recipe" title="What the built-in compositor drew">
          {variant.recipe}
        </p>
      )}
    </>
  );
}

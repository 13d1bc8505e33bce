import { queryOfParts, type QueryPart, type SearchInterpretation } from '../../shared/model/natural-search';
import type { Filters } from './url-state';

interface InterpretationBarProps {
  interpretation: SearchInterpretation;
  setFilters(update: (current: Filters) => Filters): void;
  onChange(next: SearchInterpretation | null): void;
}

const KIND_LABELS: Record<QueryPart['kind'], string> = {
  pattern: 'pattern',
  colour: 'colour',
  attribute: '',
  status: 'review',
  orientation: '',
  format: '',
};

/** The filters a part stands for, replaced by those of `parts` (the text words, statuses, orientations, formats). */
export function filtersOfParts(filters: Filters, parts: readonly QueryPart[]): Filters {
  const query = queryOfParts(parts);
  return {
    ...filters,
    text: query.text,
    statuses: query.statuses,
    orientations: query.orientations,
    formats: query.formats,
  };
}

/**
 * How a sentence typed into search was understood: each part a chip that can be removed (the search
 * follows), and the words it did not understand, which are not searched for.
 */
export function InterpretationBar({ interpretation, setFilters, onChange }: InterpretationBarProps) {
  const remove = (part: QueryPart) => {
    const parts = interpretation.parts.filter((p) => p !== part);
    setFilters((f) => filtersOfParts(f, parts));
    onChange(parts.length > 0 ? { ...interpretation, parts } : null);
  };
  return (
    <div className="active-filters" data-testid="interpretation" role="status">
      <span className="muted small" data-testid="interpretation-by">
        {interpretation.by === 'model' ? `Understood by ${interpretation.modelId}:` : 'Understood:'}
      </span>
      {interpretation.parts.length === 0 && <span className="small">nothing to filter by</span>}
      {interpretation.parts.map((part) => {
        const label = `${part.negated ? 'not ' : ''}${KIND_LABELS[part.kind] ? `${KIND_LABELS[part.kind]} ` : ''}${part.value}`;
        return (
          <button
            key={`${part.kind}:${part.value}:${part.negated}`}
            type="button"
            className="chip"
            data-testid="interpretation-part"
            title={`From “${part.words}”. Remove it from the search`}
            onClick={() => remove(part)}
          >
            {label} <span aria-hidden="true">×</span>
          </button>
        );
      })}
      {interpretation.ignored.length > 0 && (
        <span className="small warning-text" data-testid="interpretation-ignored">
          Not understood, not searched for: {interpretation.ignored.join(', ')}
        </span>
      )}
      {interpretation.note && (
        <span className="small muted" data-testid="interpretation-note">
          {interpretation.note}
        </span>
      )}
    </div>
  );
}

import {
  queryOfParts,
  rangeOfInterval,
  type QueryPart,
  type SearchInterpretation,
} from '../../shared/model/natural-search';
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
  model: 'model',
  confidence: '',
  date: '',
  like: '',
  shift: '',
};
const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** What a chip says: "not pattern stripes", "model haiku", "confidence below 60 %", "added since 30 Nov". */
export function partLabel(part: QueryPart): string {
  if (part.kind === 'like') return 'like the image you chose';
  if (part.kind === 'shift') return `${part.words} ${part.value}`;
  if (part.kind === 'confidence') return `confidence below ${Math.round(Number(part.value) * 100)} %`;
  if (part.kind === 'date') {
    const { after, before } = rangeOfInterval(part.value);
    // The range ends just before its last day's following midnight.
    const last = before === undefined ? undefined : DAY.format(before - 1);
    const not = part.negated ? 'not ' : '';
    if (after === undefined) return `${not}added before ${DAY.format(before!)}`;
    if (last === undefined) return `${not}added since ${DAY.format(after)}`;
    return `${not}${last === DAY.format(after) ? `added ${last}` : `added ${DAY.format(after)} – ${last}`}`;
  }
  const kind = KIND_LABELS[part.kind];
  return `${part.negated ? 'not ' : ''}${kind ? `${kind} ` : ''}${part.value}`;
}

/**
 * The filters a sentence's parts stand for, replaced by those of `parts`: words, statuses,
 * orientations, formats, models, confidence, dates, and ranking by parts matched.
 */
export function filtersOfParts(filters: Filters, parts: readonly QueryPart[]): Filters {
  const query = queryOfParts(parts);
  return {
    ...filters,
    text: query.text,
    statuses: query.statuses,
    orientations: query.orientations,
    formats: query.formats,
    answeredBy: query.answeredBy,
    notAnsweredBy: query.notAnsweredBy,
    maxConfidence: query.maxConfidence,
    addedAfter: query.addedAfter,
    addedBefore: query.addedBefore,
    addedOutside: query.addedOutside,
    similarTo: query.similarTo,
    colourNear: query.colourNear,
    sort: query.similarTo ? 'similarity' : filters.sort === 'similarity' ? 'date' : filters.sort,
    match: query.match,
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
        const label = partLabel(part);
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

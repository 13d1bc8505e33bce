import type { Collection } from '../../shared/model';
import { reviewStatusLabel } from '../components/format';
import { hasActiveFilters, type Filters } from './url-state';

interface ActiveFiltersProps {
  filters: Filters;
  collections: Collection[] | undefined;
  similarName: string | undefined;
  total: number;
  setFilters(update: (current: Filters) => Filters): void;
}

type Chip = { key: string; label: string; remove: (f: Filters) => Filters };

const without = <T,>(values: T[] | undefined, value: T) => {
  const next = values?.filter((v) => v !== value);
  return next && next.length > 0 ? next : undefined;
};

/** What the grid is currently filtered by, each removable, plus the result count. */
export function ActiveFilters({ filters, collections, similarName, total, setFilters }: ActiveFiltersProps) {
  const chips: Chip[] = [];
  if (filters.text) chips.push({ key: 'text', label: `“${filters.text}”`, remove: (f) => ({ ...f, text: undefined }) });
  const lists: [keyof Filters, string][] = [
    ['patterns', ''],
    ['colours', ''],
    ['folders', 'in '],
    ['formats', ''],
    ['orientations', ''],
    ['statuses', ''],
    ['tags', '#'],
  ];
  for (const [field, prefix] of lists) {
    for (const value of (filters[field] as string[] | undefined) ?? []) {
      const label =
        field === 'folders'
          ? (value.split(/[\\/]/).filter(Boolean).pop() ?? value)
          : field === 'statuses'
            ? reviewStatusLabel(value)
            : value;
      chips.push({
        key: `${field}:${value}`,
        label: prefix + label,
        remove: (f) => ({ ...f, [field]: without(f[field] as string[] | undefined, value) }),
      });
    }
  }
  for (const id of filters.collections ?? []) {
    const name = collections?.find((c) => c.id === id)?.name ?? 'collection';
    chips.push({
      key: `collection:${id}`,
      label: `▣ ${name}`,
      remove: (f) => ({ ...f, collections: without(f.collections, id) }),
    });
  }
  if (filters.colourNear) {
    chips.push({
      key: 'near',
      label: `near ${filters.colourNear.hex} ±${filters.colourNear.tolerance ?? 12}`,
      remove: (f) => ({ ...f, colourNear: undefined }),
    });
  }
  if (filters.similarTo) {
    chips.push({
      key: 'similar',
      label: `like ${similarName ?? 'asset'}`,
      remove: (f) => ({ ...f, similarTo: undefined, sort: f.sort === 'similarity' ? 'date' : f.sort }),
    });
  }

  return (
    <div className="active-filters" data-testid="active-filters">
      <span className="result-count" data-testid="result-count">
        {total.toLocaleString()} {total === 1 ? 'item' : 'items'}
      </span>
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          className="chip"
          title="Remove filter"
          onClick={() => setFilters(chip.remove)}
        >
          {filters.colourNear && chip.key === 'near' && (
            <span className="swatch" style={{ backgroundColor: filters.colourNear.hex }} />
          )}
          {chip.label} <span aria-hidden="true">×</span>
        </button>
      ))}
      {hasActiveFilters(filters) && (
        <button
          type="button"
          className="link-button small"
          onClick={() => setFilters((f) => ({ sort: f.sort === 'similarity' ? 'date' : f.sort, order: f.order }))}
        >
          Clear all
        </button>
      )}
    </div>
  );
}

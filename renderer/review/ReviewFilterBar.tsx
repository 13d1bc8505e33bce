import { ATTRIBUTE_FIELDS, type AttributeField } from '../../shared/model';
import { useAiSettings, useLibraryStatus } from '../api';
import { basename } from '../components/format';
import { FIELD_LABELS } from '../detail/ModelAttributeList';
import { modelLabel } from './model-label';
import type { ReviewFilters } from './review-filters';

const STATES: { value: ReviewFilters['state']; label: string }[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'all', label: 'All' },
];
const CONFIDENCE_STEPS = [0.9, 0.8, 0.7, 0.6, 0.5];

interface ReviewFilterBarProps {
  filters: ReviewFilters;
  onChange(filters: ReviewFilters): void;
  /** Models seen in the current queue, offered beside the configured ones. */
  seenModels: readonly string[];
}

/** Which items the queue holds: review state, model, a field still pending, low confidence, folder, dates. */
export function ReviewFilterBar({ filters, onChange, seenModels }: ReviewFilterBarProps) {
  const settings = useAiSettings().data?.settings;
  const folders = useLibraryStatus().data?.folders ?? [];
  const models = [
    ...new Set(
      [settings?.attributesModel, settings?.escalationModel, filters.modelId, ...seenModels].filter((m): m is string =>
        Boolean(m),
      ),
    ),
  ];
  const set = <K extends keyof ReviewFilters>(key: K, value: ReviewFilters[K] | '') =>
    onChange({ ...filters, [key]: value === '' ? undefined : value });

  return (
    <div className="review-filters" role="group" aria-label="Queue filters" data-testid="review-filters">
      <label>
        <span>Show</span>
        <select
          value={filters.state}
          onChange={(e) => set('state', e.target.value as ReviewFilters['state'])}
          data-testid="filter-state"
        >
          {STATES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Model</span>
        <select
          value={filters.modelId ?? ''}
          onChange={(e) => set('modelId', e.target.value)}
          data-testid="filter-model"
        >
          <option value="">Any</option>
          {models.map((m) => (
            <option key={m} value={m} title={m}>
              {modelLabel(m)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Field pending</span>
        <select
          value={filters.field ?? ''}
          onChange={(e) => set('field', e.target.value as AttributeField)}
          data-testid="filter-field"
        >
          <option value="">Any</option>
          {ATTRIBUTE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {FIELD_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Confidence</span>
        <select
          value={filters.confidenceBelow ?? ''}
          onChange={(e) => set('confidenceBelow', e.target.value === '' ? '' : Number(e.target.value))}
          data-testid="filter-confidence"
        >
          <option value="">Any</option>
          {CONFIDENCE_STEPS.map((c) => (
            <option key={c} value={c}>
              below {Math.round(c * 100)}%
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Folder</span>
        <select
          value={filters.folder ?? ''}
          onChange={(e) => set('folder', e.target.value)}
          data-testid="filter-folder"
        >
          <option value="">Any</option>
          {folders.map((f) => (
            <option key={f.path} value={f.path} title={f.path}>
              {basename(f.path)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>From</span>
        <input
          type="date"
          value={filters.since ?? ''}
          max={filters.until}
          onChange={(e) => set('since', e.target.value)}
          data-testid="filter-since"
        />
      </label>
      <label>
        <span>To</span>
        <input
          type="date"
          value={filters.until ?? ''}
          min={filters.since}
          onChange={(e) => set('until', e.target.value)}
          data-testid="filter-until"
        />
      </label>
    </div>
  );
}

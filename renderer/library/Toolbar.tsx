import { useCallback, type RefObject } from 'react';
import { SORT_KEYS } from '../../shared/model/search';
import { AnalyseButton } from '../analysis/AnalyseButton';
import { AddFolderButton } from '../components/AddFolderButton';
import { SearchBox } from './SearchBox';
import type { Filters } from './url-state';
import { THUMB_SIZES } from './use-thumb-size';
import type { NavigateOptions } from './use-view-state';

const SORT_LABELS: Record<(typeof SORT_KEYS)[number], string> = {
  date: 'Date added',
  name: 'Name',
  colourfulness: 'Colourfulness',
  similarity: 'Similarity',
};

interface ToolbarProps {
  filters: Filters;
  setFilters(update: (current: Filters) => Filters, options?: NavigateOptions): void;
  /** The search field, for the `/` key. */
  searchRef: RefObject<HTMLInputElement | null>;
  thumbSize: number;
  onThumbSize(size: number): void;
  onOpenSettings(): void;
  /** A sentence to understand (Enter in the search field). */
  onAsk(sentence: string): void;
}

export function Toolbar({
  filters,
  setFilters,
  searchRef,
  thumbSize,
  onThumbSize,
  onOpenSettings,
  onAsk,
}: ToolbarProps) {
  // Typed words must all match, even after a sentence (ranked by parts matched) was searched.
  const onSearch = useCallback(
    (text: string) =>
      setFilters((f) => ({ ...f, text: text.trim() || undefined, match: undefined }), { replace: true }),
    [setFilters],
  );
  const order = filters.order ?? 'desc';
  return (
    <header className="toolbar" data-testid="toolbar">
      <SearchBox ref={searchRef} value={filters.text ?? ''} onSearch={onSearch} onAsk={onAsk} />
      <label className="toolbar-field">
        <span className="muted small">Sort</span>
        <select
          aria-label="Sort by"
          data-testid="sort-select"
          value={filters.sort ?? 'date'}
          onChange={(e) => setFilters((f) => ({ ...f, sort: e.target.value as Filters['sort'] }))}
        >
          {SORT_KEYS.map((key) => (
            <option key={key} value={key} disabled={key === 'similarity' && !filters.similarTo}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="icon-button"
        aria-label={order === 'asc' ? 'Ascending' : 'Descending'}
        title={order === 'asc' ? 'Ascending' : 'Descending'}
        onClick={() => setFilters((f) => ({ ...f, order: order === 'asc' ? 'desc' : 'asc' }))}
      >
        {order === 'asc' ? '↑' : '↓'}
      </button>
      <label className="toolbar-field" title="Thumbnail size">
        <span className="muted small" aria-hidden="true">
          ▫
        </span>
        <input
          type="range"
          min={THUMB_SIZES.min}
          max={THUMB_SIZES.max}
          step={THUMB_SIZES.step}
          value={thumbSize}
          aria-label="Thumbnail size"
          data-testid="thumb-size"
          onChange={(e) => onThumbSize(Number(e.target.value))}
        />
        <span className="muted" aria-hidden="true">
          ◻
        </span>
      </label>
      <div className="toolbar-spacer" />
      <AnalyseButton target={{ query: filters }} scope="search" />
      <AddFolderButton />
      <button type="button" onClick={onOpenSettings} data-testid="open-settings">
        Folders…
      </button>
    </header>
  );
}

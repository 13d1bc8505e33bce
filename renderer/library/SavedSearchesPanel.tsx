import { useState } from 'react';
import { useApiMutation, useSavedSearches } from '../api';
import { InlineNameForm } from '../components/InlineNameForm';
import { hasActiveFilters, type Filters } from './url-state';

interface SavedSearchesPanelProps {
  filters: Filters;
  onOpen(filters: Filters): void;
}

/** Named filter sets that re-run when opened, so they stay current. */
export function SavedSearchesPanel({ filters, onOpen }: SavedSearchesPanelProps) {
  const saved = useSavedSearches();
  const save = useApiMutation('saveSearch');
  const remove = useApiMutation('deleteSavedSearch');
  const [naming, setNaming] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  return (
    <section className="facet-group" data-testid="saved-searches">
      <div className="section-header">
        <span className="section-title static">Saved searches</span>
        <button
          type="button"
          className="icon-button"
          title="Save current filters"
          aria-label="Save current search"
          disabled={!hasActiveFilters(filters)}
          onClick={() => setNaming(true)}
        >
          +
        </button>
      </div>
      {naming && (
        <InlineNameForm
          label="Search name"
          submitLabel="Save"
          onCancel={() => setNaming(false)}
          onSubmit={(name) => save.mutate({ name, query: filters }, { onSuccess: () => setNaming(false) })}
        />
      )}
      <ul className="facet-options list">
        {saved.data?.length === 0 && !naming && <li className="muted small">Filter, then + to save</li>}
        {saved.data?.map((search) => (
          <li key={search.id} className="with-actions">
            <button
              type="button"
              className="facet-option"
              data-testid="saved-search"
              onClick={() => onOpen(search.query as Filters)}
            >
              <span className="facet-label">{search.name}</span>
            </button>
            <span className="row-actions">
              {confirmDelete === search.id ? (
                <button
                  type="button"
                  className="danger small"
                  onClick={() => remove.mutate({ id: search.id }, { onSettled: () => setConfirmDelete(null) })}
                >
                  Delete?
                </button>
              ) : (
                <button
                  type="button"
                  className="icon-button"
                  title="Delete"
                  aria-label={`Delete ${search.name}`}
                  onClick={() => setConfirmDelete(search.id)}
                >
                  ×
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {(save.error ?? remove.error) && <p className="error-text small">{(save.error ?? remove.error)?.message}</p>}
    </section>
  );
}

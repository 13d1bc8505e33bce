import { useState } from 'react';
import { useApiMutation, useCollections } from '../api';
import { InlineNameForm } from '../components/InlineNameForm';

interface CollectionsPanelProps {
  selected: readonly string[] | undefined;
  onToggle(id: string): void;
}

/** Boards of hand-picked assets: create, rename, delete, and filter by them. */
export function CollectionsPanel({ selected, onToggle }: CollectionsPanelProps) {
  const collections = useCollections();
  const create = useApiMutation('createCollection');
  const rename = useApiMutation('renameCollection');
  const remove = useApiMutation('deleteCollection');
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  return (
    <section className="facet-group" data-testid="collections">
      <div className="section-header">
        <span className="section-title static">Collections</span>
        <button
          type="button"
          className="icon-button"
          title="New collection"
          aria-label="New collection"
          onClick={() => setCreating(true)}
        >
          +
        </button>
      </div>
      {creating && (
        <InlineNameForm
          label="Collection name"
          submitLabel="Create"
          onCancel={() => setCreating(false)}
          onSubmit={(name) => create.mutate({ name }, { onSuccess: () => setCreating(false) })}
        />
      )}
      <ul className="facet-options list">
        {collections.data?.length === 0 && !creating && <li className="muted small">No collections yet</li>}
        {collections.data?.map((collection) => {
          const active = selected?.includes(collection.id) ?? false;
          if (renaming === collection.id) {
            return (
              <li key={collection.id}>
                <InlineNameForm
                  label="Collection name"
                  submitLabel="Rename"
                  initial={collection.name}
                  onCancel={() => setRenaming(null)}
                  onSubmit={(name) =>
                    rename.mutate({ id: collection.id, name }, { onSuccess: () => setRenaming(null) })
                  }
                />
              </li>
            );
          }
          return (
            <li key={collection.id} className="with-actions">
              <button
                type="button"
                className={`facet-option${active ? ' active' : ''}`}
                aria-pressed={active}
                data-testid="collection"
                data-value={collection.id}
                data-count={collection.hashes.length}
                onClick={() => onToggle(collection.id)}
                onDoubleClick={() => setRenaming(collection.id)}
              >
                <span className="facet-label">{collection.name}</span>
                <span className="facet-count">{collection.hashes.length}</span>
              </button>
              <span className="row-actions">
                <button
                  type="button"
                  className="icon-button"
                  title="Rename"
                  aria-label={`Rename ${collection.name}`}
                  onClick={() => setRenaming(collection.id)}
                >
                  ✎
                </button>
                {confirmDelete === collection.id ? (
                  <button
                    type="button"
                    className="danger small"
                    onClick={() => remove.mutate({ id: collection.id }, { onSettled: () => setConfirmDelete(null) })}
                  >
                    Delete?
                  </button>
                ) : (
                  <button
                    type="button"
                    className="icon-button"
                    title="Delete"
                    aria-label={`Delete ${collection.name}`}
                    onClick={() => setConfirmDelete(collection.id)}
                  >
                    ×
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {(create.error ?? rename.error ?? remove.error) && (
        <p className="error-text small">{(create.error ?? rename.error ?? remove.error)?.message}</p>
      )}
    </section>
  );
}

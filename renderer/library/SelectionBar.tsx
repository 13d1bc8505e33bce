import { useState, type FormEvent } from 'react';
import type { AssetSummary, Collection } from '../../shared/model';
import { openAds } from '../ads/use-ads-location';
import { AnalyseButton } from '../analysis/AnalyseButton';
import { useApiMutation, useCollections, useTeamRight } from '../api';
import { BulkPatternLabel } from '../labels/BulkPatternLabel';

interface SelectionBarProps {
  hashes: ReadonlySet<string>;
  items: AssetSummary[];
  /** Collections the view is filtered by: the selection can be taken out of them. */
  filteredCollections: readonly string[] | undefined;
  onClear(): void;
}

/**
 * Bulk actions on the selection: tags in and out, collections in and out, the pattern label, model analysis;
 * ads from a single image.
 */
export function SelectionBar({ hashes, items, filteredCollections, onClear }: SelectionBarProps) {
  const [tag, setTag] = useState('');
  const setTags = useApiMutation('setTags');
  const addTo = useApiMutation('addToCollection');
  const removeFrom = useApiMutation('removeFromCollection');
  const collections = useCollections();
  const list = [...hashes];
  const tagsOnSelection = [...new Set(items.flatMap((item) => item.tags))].sort();
  const inView: Collection[] = collections.data?.filter((c) => filteredCollections?.includes(c.id)) ?? [];
  const error = setTags.error ?? addTo.error ?? removeFrom.error;
  const tagging = useTeamRight('setTags');

  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const name = tag.trim();
    if (name) setTags.mutate({ hashes: list, add: [name] }, { onSuccess: () => setTag('') });
  };

  return (
    <div className="selection-bar" data-testid="selection-bar" role="toolbar" aria-label="Selection">
      <strong data-testid="selection-count">{hashes.size} selected</strong>
      <form className="inline-form" onSubmit={addTag}>
        <input
          aria-label="Add tag to selection"
          placeholder="Add tag…"
          list="tag-suggestions"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          data-testid="tag-input"
          maxLength={200}
          disabled={!tagging.allowed}
          title={tagging.why ?? undefined}
        />
        <button type="submit" disabled={!tagging.allowed || !tag.trim() || setTags.isPending} data-testid="tag-add">
          Tag
        </button>
      </form>
      {tagsOnSelection.map((name) => (
        <button
          key={name}
          type="button"
          className="chip"
          title={`Remove “${name}” from the selection`}
          onClick={() => setTags.mutate({ hashes: list, remove: [name] })}
        >
          #{name} <span aria-hidden="true">×</span>
        </button>
      ))}
      <select
        aria-label="Add selection to collection"
        data-testid="add-to-collection"
        value=""
        onChange={(e) => e.target.value && addTo.mutate({ id: e.target.value, hashes: list })}
        disabled={!tagging.allowed || !collections.data?.length}
      >
        <option value="">Add to collection…</option>
        {collections.data?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {inView.map((c) => (
        <button key={c.id} type="button" onClick={() => removeFrom.mutate({ id: c.id, hashes: list })}>
          Remove from {c.name}
        </button>
      ))}
      <BulkPatternLabel hashes={list} />
      <AnalyseButton target={{ hashes: list }} scope="selection" />
      {list.length === 1 && (
        <button
          type="button"
          onClick={() => openAds({ productHash: list[0] })}
          title="Start an ad campaign with this image as the product"
        >
          Make ads…
        </button>
      )}
      <div className="toolbar-spacer" />
      {error && <span className="error-text small">{error.message}</span>}
      {!tagging.allowed && (
        <span className="muted small" data-testid="selection-rights">
          {tagging.why}
        </span>
      )}
      <button type="button" className="link-button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}

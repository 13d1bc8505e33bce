import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../api';

/** The focused asset's own tags, editable in place. */
export function AssetTags({ hash, tags }: { hash: string; tags: string[] }) {
  const setTags = useApiMutation('setTags');
  const [draft, setDraft] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setTags.mutate({ hashes: [hash], add: [draft.trim()] }, { onSuccess: () => setDraft('') });
  };
  return (
    <section className="asset-tags" data-testid="asset-tags">
      <h3>Tags</h3>
      <div className="chips">
        {tags.map((tag) => (
          <button
            key={tag}
            type="button"
            className="chip"
            title={`Remove “${tag}”`}
            onClick={() => setTags.mutate({ hashes: [hash], remove: [tag] })}
          >
            #{tag} <span aria-hidden="true">×</span>
          </button>
        ))}
        <form className="inline-form" onSubmit={add}>
          <input
            aria-label="Add tag"
            placeholder="Add tag…"
            list="tag-suggestions"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            maxLength={200}
          />
        </form>
      </div>
      {setTags.error && <p className="error-text small">{setTags.error.message}</p>}
    </section>
  );
}

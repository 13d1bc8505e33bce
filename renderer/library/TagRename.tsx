import { useState, type FormEvent } from 'react';
import { useApiMutation, useTags } from '../api';

/** Rename a tag everywhere; choosing an existing name merges the two. */
export function TagRename() {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const tags = useTags();
  const rename = useApiMutation('renameTag');
  if (!open) {
    return (
      <button type="button" className="link-button small" onClick={() => setOpen(true)}>
        Rename / merge…
      </button>
    );
  }
  const merging = tags.data?.some((t) => t.name === to.trim() && t.name !== from);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ from, to: to.trim() }, { onSuccess: () => setOpen(false) });
  };
  return (
    <form className="inline-form stacked" onSubmit={submit} data-testid="tag-rename">
      <select aria-label="Tag to rename" value={from} onChange={(e) => setFrom(e.target.value)} required>
        <option value="">Tag…</option>
        {tags.data?.map((t) => (
          <option key={t.name} value={t.name}>
            {t.name} ({t.count})
          </option>
        ))}
      </select>
      <input
        aria-label="New tag name"
        placeholder="New name"
        value={to}
        onChange={(e) => setTo(e.target.value)}
        list="tag-suggestions"
        required
      />
      <div className="row">
        <button type="submit" disabled={!from || !to.trim() || rename.isPending}>
          {merging ? 'Merge' : 'Rename'}
        </button>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {rename.error && <p className="error-text small">{rename.error.message}</p>}
    </form>
  );
}

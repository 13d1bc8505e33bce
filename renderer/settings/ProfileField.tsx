import { useState, type FormEvent } from 'react';

/** The name of a profile in ~/.aws/config or ~/.aws/credentials. */
export function ProfileField({ value, onSave }: { value: string; onSave(profile: string): void }) {
  const [draft, setDraft] = useState(value);
  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (draft.trim() && draft.trim() !== value) onSave(draft.trim());
  };
  return (
    <form className="inline-form indent" onSubmit={save}>
      <input
        type="text"
        aria-label="Profile name"
        placeholder="e.g. default or my-sso-profile"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => save()}
        spellCheck={false}
      />
      <button type="submit" disabled={!draft.trim()}>
        Use profile
      </button>
    </form>
  );
}

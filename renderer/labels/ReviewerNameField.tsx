import { useState, type FormEvent } from 'react';

const MAX_NAME = 80;

/** Asked before the first correction: every correction records who made it, as review decisions do. */
export function ReviewerNameField({
  onSet,
  placeholder = 'Your name',
}: {
  onSet(name: string): void;
  placeholder?: string;
}) {
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onSet(name.trim());
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="corrector-name-form">
      <input
        aria-label="Your name"
        placeholder={placeholder}
        title="Recorded with each correction of a label"
        value={name}
        maxLength={MAX_NAME}
        onChange={(e) => setName(e.target.value)}
        data-testid="corrector-name"
      />
      <button type="submit" disabled={!name.trim()}>
        Save
      </button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';

interface InlineNameFormProps {
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit(name: string): void;
  onCancel(): void;
}

/** A one-field form for naming things in place (collections, saved searches). */
export function InlineNameForm({ label, submitLabel, initial = '', onSubmit, onCancel }: InlineNameFormProps) {
  const [name, setName] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onSubmit(name.trim());
  };
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}
    >
      <input
        aria-label={label}
        placeholder={label}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus
        maxLength={200}
      />
      <button type="submit" disabled={!name.trim()}>
        {submitLabel}
      </button>
    </form>
  );
}

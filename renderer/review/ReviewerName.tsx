import { useState, type FormEvent } from 'react';
import { InlineNameForm } from '../components/InlineNameForm';

const MAX_NAME = 80;

/** Asked before the first decision: every decision records who made it. */
export function ReviewerNamePrompt({ onSet }: { onSet(name: string): void }) {
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onSet(name.trim());
  };
  return (
    <form className="reviewer-prompt settings-section" onSubmit={submit} data-testid="reviewer-prompt">
      <h2>Who is reviewing?</h2>
      <p className="muted">
        Your name is recorded with every decision, in the item's history and the quality figures. It is remembered on
        this computer.
      </p>
      <div className="inline-form">
        <input
          aria-label="Reviewer name"
          placeholder="Your name"
          value={name}
          maxLength={MAX_NAME}
          onChange={(e) => setName(e.target.value)}
          autoFocus
          data-testid="reviewer-name-input"
        />
        <button type="submit" className="primary" disabled={!name.trim()}>
          Start reviewing
        </button>
      </div>
    </form>
  );
}

/** The name decisions are recorded under, changeable in place. */
export function ReviewerBadge({ name, onChange }: { name: string; onChange(name: string): void }) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <InlineNameForm
        label="Reviewer name"
        submitLabel="Save"
        initial={name}
        onSubmit={(next) => {
          onChange(next.slice(0, MAX_NAME));
          setEditing(false);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <span className="reviewer-badge small">
      Reviewing as <strong data-testid="reviewer-name">{name}</strong>
      <button type="button" className="link-button small" onClick={() => setEditing(true)}>
        Change
      </button>
    </span>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { ReviewerBadge } from '../review/ReviewerName';

interface AdReviewerProps {
  name: string;
  onChange(name: string): void;
}

/** Who approves: the review workspace's remembered name, or asked here once. */
export function AdReviewer({ name, onChange }: AdReviewerProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  if (name) return <ReviewerBadge name={name} onChange={onChange} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) onChange(draft.trim().slice(0, 80));
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="ads-reviewer-form">
      <label className="small" htmlFor={id}>
        Your name, recorded with each decision
      </label>
      <input
        id={id}
        value={draft}
        maxLength={80}
        placeholder="Reviewer name"
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" disabled={!draft.trim()}>
        Start reviewing
      </button>
    </form>
  );
}

import { useState } from 'react';
import type { PatternLabel } from '../../shared/vocabulary/pattern-labels';
import { PATTERN_LABELS } from '../../shared/vocabulary/pattern-labels';
import { useApiMutation } from '../api';
import { useReviewerName } from '../review/use-reviewer-name';
import { ReviewerNameField } from './ReviewerNameField';

interface Done {
  batch: string;
  label: PatternLabel;
  changed: number;
}

/** Sets the pattern label of every selected image as one batch, with one undo for all of them. */
export function BulkPatternLabel({ hashes }: { hashes: readonly string[] }) {
  const [reviewer, setReviewer] = useReviewerName();
  const correct = useApiMutation('correctLabels');
  const undo = useApiMutation('undoLabelCorrection');
  const [done, setDone] = useState<Done | null>(null);
  if (!reviewer) return <ReviewerNameField onSet={setReviewer} placeholder="Your name, to set labels" />;
  const setLabel = (label: PatternLabel) =>
    correct.mutate(
      { hashes: [...hashes], reviewer, corrections: [{ field: 'pattern', value: [label] }] },
      { onSuccess: ({ batch, changed }) => setDone(batch ? { batch, label, changed } : null) },
    );
  return (
    <>
      <select
        aria-label="Set the pattern label of the selection"
        title={`Recorded as ${reviewer}`}
        value=""
        disabled={correct.isPending}
        onChange={(e) => e.target.value && setLabel(e.target.value as PatternLabel)}
        data-testid="bulk-pattern"
      >
        <option value="">Set pattern…</option>
        {PATTERN_LABELS.map((label) => (
          <option key={label} value={label}>
            {label}
          </option>
        ))}
      </select>
      {done && (
        <span className="small" data-testid="bulk-pattern-done">
          {done.changed} set to {done.label}{' '}
          <button
            type="button"
            className="link-button small"
            disabled={undo.isPending}
            onClick={() => undo.mutate({ reviewer, batch: done.batch }, { onSuccess: () => setDone(null) })}
            data-testid="bulk-pattern-undo"
          >
            Undo
          </button>
        </span>
      )}
      {(correct.error ?? undo.error) && (
        <span className="error-text small">{(correct.error ?? undo.error)?.message}</span>
      )}
    </>
  );
}

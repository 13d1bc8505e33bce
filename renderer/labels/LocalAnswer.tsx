import type { AssetLabels } from '../../shared/model';

interface LocalAnswerProps {
  /** What the local analyzer said, as text. */
  said: string;
  corrected: AssetLabels['corrected'][keyof AssetLabels['corrected']];
  testId: string;
}

/** Under a value: the local analyzer's answer, kept in view once a person has corrected it, and who did. */
export function LocalAnswer({ said, corrected, testId }: LocalAnswerProps) {
  if (!corrected) {
    return (
      <p className="local-answer muted small" data-testid={testId}>
        From the local analyzer
      </p>
    );
  }
  return (
    <p className="local-answer small" data-testid={testId}>
      <span className="muted">Local analyzer said:</span> {said}
      <span className="muted">
        {' '}
        · corrected by {corrected.reviewer}, {new Date(corrected.at).toLocaleString()}
      </span>
    </p>
  );
}

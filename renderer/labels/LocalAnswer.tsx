import type { AssetLabels } from '../../shared/model';
import { localAnswerText } from './local-certainty';

interface LocalAnswerProps {
  /** What the local analyzer said, as text. */
  said: string;
  corrected: AssetLabels['corrected'][keyof AssetLabels['corrected']];
  testId: string;
  /** The local answer's confidence, when it has one: a low one is said out loud. */
  confidence?: number;
}

/** Under a value: the local analyzer's answer, kept in view once a person has corrected it, and who did. */
export function LocalAnswer({ said, corrected, testId, confidence }: LocalAnswerProps) {
  if (!corrected) {
    const { text, unsure } = localAnswerText(confidence);
    return (
      <p className={`local-answer small ${unsure ? 'local-unsure' : 'muted'}`} data-testid={testId}>
        {text}
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

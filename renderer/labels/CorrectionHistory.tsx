import type { LabelCorrection } from '../../shared/model';
import { correctionHistoryLines } from './correction-history';

/** The image's whole correction log, newest first; undone changes stay listed, marked so. */
export function CorrectionHistory({ history }: { history: readonly LabelCorrection[] }) {
  if (history.length === 0) return null;
  return (
    <details className="correction-history small" data-testid="correction-history">
      <summary>History of changes ({history.length})</summary>
      <ol>
        {correctionHistoryLines(history).map((line) => (
          <li key={line.id} className={line.undone ? 'muted' : undefined} data-testid="correction-history-line">
            <strong>{line.reviewer}</strong> {line.text}
            {line.undone && ' — taken back'}
            <span className="muted"> · {new Date(line.at).toLocaleString()}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

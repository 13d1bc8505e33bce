import { readablePartialJson } from './partial-json';

/** A model answer arriving: what it has said so far, and Stop (nothing of a stopped answer is kept). */
export function StreamingAnswer({ text, onStop, label }: { text: string; onStop: () => void; label: string }) {
  const lines = readablePartialJson(text);
  return (
    <div
      className="streaming-answer"
      role="status"
      aria-live="polite"
      aria-label={label}
      data-testid="streaming-answer"
    >
      {lines.length === 0 ? (
        <p className="muted small">Waiting for the first words…</p>
      ) : (
        <ul className="small">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <button type="button" className="compact" onClick={onStop} data-testid="stream-stop">
        Stop
      </button>
    </div>
  );
}

import type { LibraryOpening, OpeningProgress } from '../../shared/api';
import { openingFigures, openingStageLabel } from './library-opening';

/** A bar with done / total, percent, rate and time left; indeterminate until the store reports a size. */
function OpeningBar({ progress }: { progress: OpeningProgress | null }) {
  const figures = progress ? openingFigures(progress) : null;
  // Without a value the bar is indeterminate for assistive technology too.
  const value =
    progress && figures && figures.percent !== null
      ? {
          'aria-valuemin': 0,
          'aria-valuemax': progress.total,
          'aria-valuenow': progress.done,
          'aria-valuetext': `${figures.amount} (${figures.percent}%)`,
        }
      : null;
  return (
    <>
      <div
        className={`progress opening-bar ${value ? 'running' : 'indeterminate'}`}
        role="progressbar"
        aria-label={openingStageLabel(progress)}
        {...value}
        data-testid="opening-bar"
      >
        <div className="progress-fill" style={value ? { width: `${figures?.percent}%` } : undefined} />
      </div>
      {figures && (
        <p className="opening-figures" data-testid="opening-figures">
          <span>{figures.amount}</span>
          {figures.percent !== null && <span>{figures.percent}%</span>}
          {figures.rate && <span className="muted">{figures.rate}</span>}
          {figures.timeLeft && <span className="muted">{figures.timeLeft}</span>}
        </p>
      )}
    </>
  );
}

/** What the window shows until the library is open: what is being done and how far it has got, or why it failed. */
export function LibraryOpeningScreen({ opening }: { opening: Exclude<LibraryOpening, { state: 'ready' }> }) {
  if (opening.state === 'failed') {
    return (
      <main className="library-opening" data-testid="library-opening" data-state="failed">
        <h1>Swatchbook cannot open your library</h1>
        <p className="error-text" role="alert" data-testid="opening-error">
          {opening.error}
        </p>
      </main>
    );
  }
  return (
    <main className="library-opening" aria-busy="true" data-testid="library-opening" data-state="opening">
      {/* Only the stage is announced: the figures change several times a second. */}
      <h1 aria-live="polite">{openingStageLabel(opening.progress)}…</h1>
      <OpeningBar progress={opening.progress} />
    </main>
  );
}

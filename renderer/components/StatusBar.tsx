import { AnalysisStatus } from '../analysis/AnalysisStatus';
import { useLibraryStatus } from '../api';
import { ErrorList } from './ErrorList';
import { basename, formatDuration } from './format';
import { PopoverButton } from './PopoverButton';

/** Ingest progress (done/total, rate, ETA, current file), library size, model analysis, and per-file errors. */
export function StatusBar() {
  const status = useLibraryStatus();
  const data = status.data;
  const progress = data?.progress;
  const settled = progress ? progress.done + progress.failed : 0;
  const fraction = progress && progress.total > 0 ? settled / progress.total : 0;

  return (
    <footer className="status-bar" data-testid="status-bar" data-running={progress?.running ?? false}>
      <span data-testid="asset-count">{data ? `${data.assetCount.toLocaleString()} assets` : 'Connecting…'}</span>
      {progress && progress.total > 0 && (
        <div className="ingest" data-testid="ingest-progress">
          <div
            className={`progress${progress.running ? ' running' : ''}`}
            role="progressbar"
            aria-label="Ingest progress"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={settled}
            data-testid="progress-bar"
          >
            <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
          </div>
          <span data-testid="progress-text">
            {settled.toLocaleString()} / {progress.total.toLocaleString()}
          </span>
          {progress.running && (
            <>
              <span className="muted">{progress.rate.toFixed(1)} files/s</span>
              {progress.etaSeconds !== null && <span className="muted">ETA {formatDuration(progress.etaSeconds)}</span>}
              {progress.currentFile && (
                <span className="current-file muted" title={progress.currentFile}>
                  {basename(progress.currentFile)}
                </span>
              )}
            </>
          )}
        </div>
      )}
      <AnalysisStatus />
      <div className="toolbar-spacer" />
      {status.error && <span className="error-text">Engine unreachable: {status.error.message}</span>}
      {data && data.errorCount > 0 && (
        <PopoverButton
          label={`${data.errorCount} ${data.errorCount === 1 ? 'error' : 'errors'}`}
          className="warning"
          data-testid="errors-button"
          align="right"
          placement="above"
        >
          <ErrorList />
        </PopoverButton>
      )}
    </footer>
  );
}

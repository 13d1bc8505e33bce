import type { IngestProgress as IngestProgressData, StorageFault, StorageHealth } from '../../shared/model';
import { AnalysisStatus } from '../analysis/AnalysisStatus';
import { BatchJobsStatus } from '../analysis/BatchJobs';
import { useLibraryStatus, useTeamLibrary } from '../api';
import { ErrorList } from './ErrorList';
import { basename, formatDuration } from './format';
import { PopoverButton } from './PopoverButton';
import { ProgressMeter } from './ProgressMeter';
import { connectionTone, lastContactLabel, teamStatusLabel } from './team-status';

/** While files are read: a bar, done / total, rate, ETA and the current file. */
function IngestProgress({ progress }: { progress: IngestProgressData }) {
  const settled = progress.done + progress.failed;
  return (
    <div className="ingest" data-testid="ingest-progress">
      <ProgressMeter label="Ingest progress" value={settled} max={progress.total} running testId="progress-bar" />
      <span data-testid="progress-text">
        {settled.toLocaleString()} / {progress.total.toLocaleString()}
      </span>
      {progress.waitingFor ? (
        <span className="muted" data-testid="ingest-waiting" title={progress.waitingFor}>
          waiting: {progress.waitingFor}
        </span>
      ) : (
        <span className="muted">{progress.rate.toFixed(1)} files/s</span>
      )}
      {progress.etaSeconds !== null && <span className="muted">ETA {formatDuration(progress.etaSeconds)}</span>}
      {progress.currentFile && (
        <span className="current-file muted" title={progress.currentFile}>
          {basename(progress.currentFile)}
        </span>
      )}
    </div>
  );
}

/** Once ingest has stopped, a full bar says nothing: a quiet line of what was read, and what failed. */
function IngestSummary({ progress }: { progress: IngestProgressData }) {
  const { done, failed, total } = progress;
  return (
    <span className="ingest-summary muted" data-testid="ingest-summary" data-settled={done + failed} data-total={total}>
      {done.toLocaleString()} {done === 1 ? 'file' : 'files'} indexed
      {failed > 0 && ` · ${failed.toLocaleString()} failed`}
    </span>
  );
}

/** Shown only while the library cannot be written: what is wrong, since when, and that it resumes by itself. */
function StorageIndicator({ storage }: { storage: StorageHealth }) {
  if (storage.writable) return null;
  const since = storage.since === null ? '' : ` since ${new Date(storage.since).toLocaleTimeString()}`;
  return (
    <span
      className="status-badge danger"
      role="alert"
      title={storage.message ?? undefined}
      data-testid="storage-status"
      data-fault={storage.fault}
    >
      {STORAGE_LABELS[storage.fault ?? 'io']}
      {since}. {storage.problem}
    </span>
  );
}

const STORAGE_LABELS: Record<StorageFault, string> = {
  'disk-full': 'Disk full — changes paused',
  unwritable: 'Library read-only — changes paused',
  missing: 'Library folder gone — changes paused',
  io: 'Disk failing — changes paused',
};

/** A team library's connection and what waits to be sent; nothing while the local library is open. */
function TeamIndicator() {
  const status = useTeamLibrary().data?.status;
  if (!status) return null;
  const contact = lastContactLabel(status.lastContactAt);
  const details = [status.server, status.reason, contact && `Last contact ${contact}`].filter(Boolean).join('\n');
  return (
    <span
      className={`status-badge ${connectionTone(status.connection) ?? ''}`}
      title={details}
      data-testid="team-status"
      data-connection={status.connection}
    >
      {teamStatusLabel(status)}
    </span>
  );
}

/** Ingest progress (a summary once it stops), library size, model analysis, the team library, and per-file errors. */
export function StatusBar() {
  const status = useLibraryStatus();
  const data = status.data;
  const progress = data?.progress;

  return (
    <footer className="status-bar" data-testid="status-bar" data-running={progress?.running ?? false}>
      <span data-testid="asset-count">{data ? `${data.assetCount.toLocaleString()} assets` : 'Connecting…'}</span>
      {progress &&
        progress.total > 0 &&
        (progress.running ? <IngestProgress progress={progress} /> : <IngestSummary progress={progress} />)}
      <AnalysisStatus />
      <BatchJobsStatus />
      {data && <StorageIndicator storage={data.storage} />}
      <div className="toolbar-spacer" />
      <TeamIndicator />
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

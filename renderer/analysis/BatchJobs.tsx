import type { BatchJob } from '../../shared/model';
import { useApiMutation, useBatchJobs } from '../api';
import { formatDuration, formatUsd } from '../components/format';
import { PopoverButton } from '../components/PopoverButton';
import { ProgressMeter } from '../components/ProgressMeter';

const STAGE_LABELS: Record<BatchJob['stage'], string> = {
  preparing: 'Preparing the input',
  'at-bedrock': 'At Bedrock',
  reading: 'Reading the answers back',
  finished: 'Finished',
};

const isActive = (job: BatchJob) => job.stage !== 'finished';

/** Bedrock batch jobs in the status bar: the one under way with its progress, and every job in a panel. */
export function BatchJobsStatus() {
  const { data: jobs } = useBatchJobs();
  if (!jobs?.length) return null;
  const current = jobs.find(isActive);
  return (
    <div className="analysis-status" data-testid="batch-status">
      <span className="status-label">Batch</span>
      {current && <BatchProgress job={current} />}
      <PopoverButton
        label={`${jobs.length} batch ${jobs.length === 1 ? 'job' : 'jobs'}`}
        className="compact"
        align="right"
        placement="above"
      >
        <ul className="batch-jobs" data-testid="batch-jobs">
          {jobs.map((job) => (
            <BatchJobRow key={job.id} job={job} />
          ))}
        </ul>
      </PopoverButton>
    </div>
  );
}

/** Preparing: records written, their rate and ETA; at Bedrock: its own count and status. */
function BatchProgress({ job }: { job: BatchJob }) {
  const preparing = job.stage === 'preparing';
  const done = preparing ? job.prepared : job.processed;
  const seconds = (job.updatedAt - job.submittedAt) / 1000;
  const rate = preparing && seconds > 0 ? job.prepared / seconds : 0;
  const eta = rate > 0 ? (job.records - job.prepared) / rate : null;
  return (
    <>
      <ProgressMeter label="Batch job progress" value={done} max={job.records} running />
      <span data-testid="batch-progress-text">
        {STAGE_LABELS[job.stage]}
        {job.bedrockStatus && !preparing ? ` (${job.bedrockStatus})` : ''}: {done.toLocaleString()} /{' '}
        {job.records.toLocaleString()}
      </span>
      {preparing && rate > 0 && <span className="muted">{rate.toFixed(1)} images/s</span>}
      {eta !== null && <span className="muted">ETA {formatDuration(eta)}</span>}
    </>
  );
}

function BatchJobRow({ job }: { job: BatchJob }) {
  const stop = useApiMutation('stopBatchJob');
  return (
    <li data-testid="batch-job" data-state={job.state}>
      <div>
        <strong>{job.name}</strong>{' '}
        <span className={`status-badge ${job.state === 'failed' ? 'danger' : ''}`}>{job.state}</span>{' '}
        <span className="muted">
          {STAGE_LABELS[job.stage]}
          {job.bedrockStatus ? ` · Bedrock: ${job.bedrockStatus}` : ''}
        </span>
      </div>
      <div className="small muted">
        {job.records.toLocaleString()} records of {job.images.toLocaleString()} images · estimate{' '}
        {formatUsd(job.estimateUsd)} (on demand {formatUsd(job.onDemandUsd)})
        {job.stage === 'finished' ? ` · cost ${formatUsd(job.costUsd)}` : ''}
        {job.stored ? ` · ${job.stored.toLocaleString()} answers stored` : ''}
        {job.retried ? ` · ${job.retried.toLocaleString()} sent on demand` : ''}
      </div>
      {job.message && (
        <div className={`small ${job.state === 'failed' ? 'error-text' : ''}`} data-testid="batch-job-message">
          {job.message}
        </div>
      )}
      {job.jobArn && <div className="small muted">{job.jobArn}</div>}
      {isActive(job) && job.stage !== 'reading' && (
        <button
          type="button"
          className="compact"
          onClick={() => stop.mutate({ id: job.id })}
          disabled={stop.isPending}
          data-testid="batch-stop"
        >
          Stop
        </button>
      )}
      {stop.error && <span className="error-text small">{stop.error.message}</span>}
    </li>
  );
}

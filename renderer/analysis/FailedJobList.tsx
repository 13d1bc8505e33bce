import { useAnalysisJobs } from '../api';

const FAILED = ['failed'] as const;

/** Images the model could not describe, each with the reason (the same pattern as unreadable files). */
export function FailedJobList() {
  const jobs = useAnalysisJobs(FAILED);
  return (
    <div className="error-list" data-testid="analysis-failures">
      <h3>Images the model could not analyse</h3>
      {jobs.isLoading && <p className="muted small">Loading…</p>}
      {jobs.error && <p className="error-text small">{jobs.error.message}</p>}
      <ul>
        {jobs.data?.map((job) => (
          <li key={job.id} data-testid="analysis-failure">
            <div className="error-file">{job.name}</div>
            <div className="small error-reason">{job.reason ?? 'no reason recorded'}</div>
            {job.finishedAt !== null && <div className="small muted">{new Date(job.finishedAt).toLocaleString()}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}

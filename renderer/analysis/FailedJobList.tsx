import { useAnalysisJobs } from '../api';
import { FailureList } from '../components/FailureList';

const FAILED = ['failed'] as const;

/** Images the model could not describe, each with the reason (the same list as unreadable files). */
export function FailedJobList() {
  const jobs = useAnalysisJobs(FAILED);
  const failures = jobs.data?.map((job) => ({
    key: job.id,
    name: job.name,
    reason: job.reason ?? 'no reason recorded',
    detail: job.finishedAt !== null && <div className="small muted">{new Date(job.finishedAt).toLocaleString()}</div>,
  }));
  return (
    <FailureList
      title="Images the model could not analyse"
      testId="analysis-failures"
      itemTestId="analysis-failure"
      loading={jobs.isLoading}
      error={jobs.error}
      failures={failures}
    />
  );
}

/** Background work as persisted jobs: one runner, one state vocabulary, per-kind work and policy. */
export {
  JobFailure,
  type FailureAction,
  type FinalState,
  type Hold,
  type HoldKind,
  type JobCounts,
  type JobOutcome,
  type JobPatch,
  type JobPolicy,
  type JobRecord,
  type JobRecords,
  type RunnerProgress,
  type WorkFunction,
} from './job-types';
export { JobRunner } from './job-runner';
export { ProgressMeter } from './progress-meter';
export { StageRate, type StagedProgress } from './stage-rate';

/** The runner's contract with each kind of work: its records, its work function and its policy. */
import type { JobState } from '../../shared/model/jobs';

/** What the runner needs of a persisted job; each kind's record has these fields (or maps onto them). */
export interface JobRecord {
  id: string;
  state: JobState;
  reason: string | null;
  attempts: number;
  /** Higher runs first. */
  priority: number;
  enqueuedAt: number;
}

export interface JobPatch {
  state?: JobState;
  reason?: string | null;
  attempts?: number;
  finishedAt?: number | null;
}

/** Where one kind's jobs are persisted. */
export interface JobRecords<J extends JobRecord> {
  list(states?: readonly JobState[]): J[];
  put(jobs: J[]): void;
  update(id: string, patch: JobPatch): void;
  /** Absent for a kind whose finished records are its results (ad variants): they are never dropped. */
  remove?(ids: readonly string[]): void;
}

export type FinalState = 'done' | 'failed' | 'cancelled';
export interface JobOutcome {
  state: FinalState;
  reason: string | null;
}

/** How a failed attempt is handled: try again later, slow down, hold every job, or give this job up. */
export type FailureAction = 'retry' | 'throttle' | 'hold' | 'fail';

/** Thrown by a work function when a whole batch failed for a reason that says what to do next. */
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly action: FailureAction,
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}

/** `storage`: the library cannot be written (a full disk); lifted when writing works again. */
export type HoldKind = 'paused' | 'gate' | 'unreachable' | 'storage';
export interface Hold {
  kind: HoldKind;
  reason: string;
}

export interface JobPolicy<J extends JobRecord> {
  /** Most batches at once (re-read when the policy changes). */
  concurrency(): number;
  /** Jobs handed to one call of the work function. Default 1. */
  batchSize?(): number;
  /** Halve concurrency on throttling and add one back per success (AIMD). */
  adaptive?: boolean;
  /** Attempts before a job that keeps failing with `retry` is given up. Default 4. */
  maxAttempts?: number;
  /** First backoff after a retry or throttle; doubles per throttle in a row. Default 2 s. */
  backoffMs?: number;
  /** First probe after a `hold` failure; doubles up to 5 minutes. Default 30 s. */
  holdRetryMs?: number;
  /** Checked before each batch runs: a reason every job must wait (e.g. the budget), or null. */
  gate?(batch: J[]): string | null;
  /** A display name for progress (a file name). */
  nameOf(job: J): string;
  /**
   * Drop the records of done jobs once the run is over (their result lives elsewhere, e.g. the asset):
   * a 250,000-file ingest should not leave 250,000 records behind. Failed and cancelled ones stay.
   */
  forgetDone?: boolean;
}

export type WorkFunction<J extends JobRecord> = (batch: J[], signal: AbortSignal) => Promise<JobOutcome[]>;

export type JobCounts = Record<JobState, number>;

export interface RunnerProgress {
  counts: JobCounts;
  total: number;
  rate: number;
  etaSeconds: number | null;
  currentName: string | null;
  hold: Hold | null;
  /** Batches allowed at once now (below the policy's after throttling). */
  concurrency: number;
}

/**
 * Bedrock batch inference (CreateModelInvocationJob, GetModelInvocationJob, StopModelInvocationJob), played
 * out one GetModelInvocationJob at a time so tests need no clock. Create checks the request at once; the input
 * is read and checked at the first Get, which answers Failed when Bedrock's validation would fail, else
 * Validating; then InProgress as the job's behaviour says, with the processed count growing; then its outcome.
 * A stopped job answers Stopping at the next Get and Stopped after that, and writes nothing.
 */
import type { BatchJobBehaviour, BatchJobOutcome } from './behaviours';
import {
  answerRecords,
  LOWERCASE_ALPHANUMERIC,
  randomCharacters,
  readBatchInput,
  writeBatchOutput,
  type AnsweredRecord,
} from './batch-records';
import { FAKE_ACCOUNT_ID } from './catalogue';
import { errorReply } from './errors';
import type { S3Objects } from './fake-s3';
import { json, type WireReply } from './wire';

/** The parts of a CreateModelInvocationJob body the fake reads. */
interface CreateBody {
  jobName?: string;
  roleArn?: string;
  clientRequestToken?: string;
  modelId?: string;
  inputDataConfig?: { s3InputDataConfig?: { s3Uri?: string; s3InputFormat?: string } };
  outputDataConfig?: { s3OutputDataConfig?: { s3Uri?: string } };
  timeoutDurationInHours?: number;
}

const END_STATUSES = ['Completed', 'Failed', 'Expired', 'Stopped'] as const;
type BatchJobStatus = 'Submitted' | 'Validating' | 'InProgress' | 'Stopping' | (typeof END_STATUSES)[number];
const ENDED = new Set<string>(END_STATUSES);

interface BatchJob {
  jobArn: string;
  id: string;
  /** As given, echoed by Get. */
  request: CreateBody;
  modelId: string;
  inputUri: string;
  /** Where its folder goes: `<outputUri>/<id>`. */
  outputUri: string;
  timeoutHours: number;
  inProgressPolls: number;
  outcome: BatchJobOutcome;
  behaviour: BatchJobBehaviour;
  status: BatchJobStatus;
  message?: string;
  stopRequested: boolean;
  /** Answered at validation; undefined until then, and for a job that failed it. */
  records?: AnsweredRecord[];
  /** InProgress answers given so far. */
  pollsAnswered: number;
  processed: number;
  submitTime: Date;
  lastModifiedTime: Date;
  endTime?: Date;
}

export interface BatchJobs {
  script(...behaviours: BatchJobBehaviour[]): void;
  create(body: unknown, region: string): WireReply;
  get(jobIdentifier: string | undefined): WireReply;
  stop(jobIdentifier: string | undefined): WireReply;
  /** Forgets jobs and scripts. */
  clear(): void;
}

const JOB_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9+\-.])*$/;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::[0-9]{12}:role\/.+$/;
const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;
/** Bedrock's bounds for `timeoutDurationInHours`; when none is given the fake takes the longest. */
const TIMEOUT_HOURS = { min: 24, max: 168 };
const HOUR_MS = 3_600_000;

/** Bedrock's validation message, as its request validation words it. */
const constraintFailure = (field: string, value: unknown, rule: string) =>
  `1 validation error detected: Value ${value === undefined ? 'null' : `'${String(value)}'`} at '${field}' ` +
  `failed to satisfy constraint: Member must ${rule}`;

/**
 * What CreateModelInvocationJob refuses at once, in Bedrock's words; the model id is checked with the runtime's
 * (modelIdRefusal). Undefined when the job can be created.
 */
export function batchJobRefusal(body: unknown): string | undefined {
  const request = (body ?? {}) as CreateBody;
  const { jobName, roleArn, modelId, inputDataConfig, outputDataConfig, timeoutDurationInHours } = request;
  const input = inputDataConfig?.s3InputDataConfig;
  const outputUri = outputDataConfig?.s3OutputDataConfig?.s3Uri;
  const pattern = (regex: RegExp) => `satisfy regular expression pattern: ${regex.source}`;
  if (!jobName || jobName.length > 63) return constraintFailure('jobName', jobName, 'have length between 1 and 63');
  if (!JOB_NAME.test(jobName)) return constraintFailure('jobName', jobName, pattern(JOB_NAME));
  if (!ROLE_ARN.test(roleArn ?? '')) return constraintFailure('roleArn', roleArn, pattern(ROLE_ARN));
  if (!modelId) return constraintFailure('modelId', modelId, 'not be null');
  if (!S3_URI.test(input?.s3Uri ?? '')) {
    return constraintFailure('inputDataConfig.s3InputDataConfig.s3Uri', input?.s3Uri, 'be a valid S3 URI');
  }
  if ((input?.s3InputFormat ?? 'JSONL') !== 'JSONL') {
    const field = 'inputDataConfig.s3InputDataConfig.s3InputFormat';
    return constraintFailure(field, input?.s3InputFormat, 'satisfy enum value set: [JSONL]');
  }
  if (!S3_URI.test(outputUri ?? '')) {
    return constraintFailure('outputDataConfig.s3OutputDataConfig.s3Uri', outputUri, 'be a valid S3 URI');
  }
  const timeout = timeoutDurationInHours ?? TIMEOUT_HOURS.max;
  if (!Number.isInteger(timeout) || timeout < TIMEOUT_HOURS.min || timeout > TIMEOUT_HOURS.max) {
    const bounds = `have value between ${TIMEOUT_HOURS.min} and ${TIMEOUT_HOURS.max}`;
    return constraintFailure('timeoutDurationInHours', timeout, bounds);
  }
  return undefined;
}

export function batchJobs(objects: S3Objects): BatchJobs {
  const jobs = new Map<string, BatchJob>();
  const byToken = new Map<string, BatchJob>();
  const scripted: BatchJobBehaviour[] = [];

  const find = (jobIdentifier: string | undefined) =>
    jobIdentifier === undefined
      ? undefined
      : (jobs.get(jobIdentifier) ?? [...jobs.values()].find((job) => job.id === jobIdentifier));
  const unknownJob = (jobIdentifier: string | undefined) =>
    errorReply('ResourceNotFoundException', `Could not find a batch inference job with identifier ${jobIdentifier}.`);

  const move = (job: BatchJob, status: BatchJobStatus, message?: string) => {
    job.status = status;
    job.lastModifiedTime = new Date();
    if (message !== undefined) job.message = message;
    if (ENDED.has(status)) job.endTime = job.lastModifiedTime;
  };

  /** One step of the job, as the next Get sees it. */
  const advance = (job: BatchJob) => {
    if (ENDED.has(job.status)) return;
    if (job.stopRequested) return move(job, job.status === 'Stopping' ? 'Stopped' : 'Stopping');
    if (job.status === 'Submitted') {
      const input = readBatchInput(objects, job.inputUri, job.modelId);
      if ('failure' in input) return move(job, 'Failed', input.failure);
      job.records = answerRecords(input.records, job.behaviour, job.modelId);
      return move(job, 'Validating');
    }
    const total = job.records?.length ?? 0;
    if (job.pollsAnswered < job.inProgressPolls) {
      job.pollsAnswered += 1;
      // A job that never ends creeps towards its total without reaching it.
      const steps = Number.isFinite(job.inProgressPolls) ? job.inProgressPolls + 1 : job.pollsAnswered + 1;
      job.processed = Math.floor((total * job.pollsAnswered) / steps);
      return move(job, 'InProgress');
    }
    if (job.outcome.status !== 'Completed') return move(job, job.outcome.status, job.outcome.message);
    job.processed = total;
    writeBatchOutput(objects, `${job.outputUri.replace(/\/+$/, '')}/${job.id}`, job.records ?? []);
    move(job, 'Completed');
  };

  /** The counts appear once the input has been read and checked, and cover the records processed so far. */
  const counts = (job: BatchJob) => {
    if (!job.records || job.status === 'Validating') return {};
    const errors = job.records.slice(0, job.processed).filter((r) => r.failed).length;
    return {
      totalRecordCount: job.records.length,
      processedRecordCount: job.processed,
      successRecordCount: job.processed - errors,
      errorRecordCount: errors,
    };
  };

  const description = (job: BatchJob): WireReply =>
    json({
      jobArn: job.jobArn,
      jobName: job.request.jobName,
      modelId: job.modelId,
      clientRequestToken: job.request.clientRequestToken,
      roleArn: job.request.roleArn,
      status: job.status,
      ...(job.message !== undefined ? { message: job.message } : {}),
      submitTime: job.submitTime.toISOString(),
      lastModifiedTime: job.lastModifiedTime.toISOString(),
      ...(job.endTime ? { endTime: job.endTime.toISOString() } : {}),
      inputDataConfig: job.request.inputDataConfig,
      outputDataConfig: job.request.outputDataConfig,
      timeoutDurationInHours: job.timeoutHours,
      jobExpirationTime: new Date(job.submitTime.getTime() + job.timeoutHours * HOUR_MS).toISOString(),
      ...counts(job),
    });

  return {
    script: (...behaviours) => void scripted.push(...behaviours),
    create(body, region) {
      const create = body as CreateBody;
      const earlier = create.clientRequestToken ? byToken.get(create.clientRequestToken) : undefined;
      if (earlier) return json({ jobArn: earlier.jobArn });
      const behaviour = scripted.shift() ?? {};
      const id = randomCharacters(12, LOWERCASE_ALPHANUMERIC);
      const now = new Date();
      const job: BatchJob = {
        jobArn: `arn:aws:bedrock:${region}:${FAKE_ACCOUNT_ID}:model-invocation-job/${id}`,
        id,
        request: create,
        modelId: create.modelId ?? '',
        inputUri: create.inputDataConfig?.s3InputDataConfig?.s3Uri ?? '',
        outputUri: create.outputDataConfig?.s3OutputDataConfig?.s3Uri ?? '',
        timeoutHours: create.timeoutDurationInHours ?? TIMEOUT_HOURS.max,
        inProgressPolls: behaviour.inProgressPolls ?? 1,
        outcome: behaviour.outcome ?? { status: 'Completed' },
        behaviour,
        status: 'Submitted',
        stopRequested: false,
        pollsAnswered: 0,
        processed: 0,
        submitTime: now,
        lastModifiedTime: now,
      };
      jobs.set(job.jobArn, job);
      if (create.clientRequestToken) byToken.set(create.clientRequestToken, job);
      return json({ jobArn: job.jobArn });
    },
    get(jobIdentifier) {
      const job = find(jobIdentifier);
      if (!job) return unknownJob(jobIdentifier);
      advance(job);
      return description(job);
    },
    stop(jobIdentifier) {
      const job = find(jobIdentifier);
      if (!job) return unknownJob(jobIdentifier);
      if (ENDED.has(job.status) || job.stopRequested) {
        const status = ENDED.has(job.status) ? job.status : 'Stopping';
        return errorReply('ValidationException', `Job ${job.jobArn} cannot be stopped: its status is ${status}.`);
      }
      job.stopRequested = true;
      job.lastModifiedTime = new Date();
      return json({});
    },
    clear() {
      jobs.clear();
      byToken.clear();
      scripted.length = 0;
    },
  };
}

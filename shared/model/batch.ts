import { z } from 'zod';
import { JOB_STATES } from './jobs';

/** Bedrock refuses a batch inference job with fewer records than this (its per-job quota). */
export const BATCH_MINIMUM_RECORDS = 100;
/** Bedrock's batch price is half its on-demand price for the same model and tokens. */
export const BATCH_PRICE_FACTOR = 0.5;

/** Where a batch job is, in the order it goes there; its state says whether it is still going. */
export const BATCH_STAGES = ['preparing', 'at-bedrock', 'reading', 'finished'] as const;
export type BatchStage = (typeof BATCH_STAGES)[number];

/**
 * One Bedrock batch inference job (CreateModelInvocationJob) for a bulk analysis: persisted with its ARN,
 * so it is followed across restarts. Which images each record holds is kept beside the job's input in the
 * bucket (`records.jsonl`), not here: this record stays small however large the run.
 */
export const BatchJob = z.object({
  /** Ours, also the job's client request token: creating it twice (a retry, a restart) makes one job. */
  id: z.string(),
  /** Bedrock's job name, which the user sees in the AWS console too. */
  name: z.string(),
  state: z.enum(JOB_STATES),
  stage: z.enum(BATCH_STAGES),
  /** Bedrock's own status word (Submitted, InProgress, …), null before it has one. */
  bedrockStatus: z.string().nullable(),
  /** Why it waits or failed, or how it ended, in words. */
  message: z.string().nullable(),
  modelId: z.string(),
  promptVersion: z.string(),
  jobArn: z.string().nullable(),
  /** The job's own folder in the user's bucket: `input/` and `output/` are under it. */
  s3Uri: z.string(),
  /** Names of the JSONL files under `input/`. */
  inputFiles: z.array(z.string()),
  /** Images the run was asked for; records are the ones sent (not cached, not answered locally). */
  images: z.number().int(),
  records: z.number().int(),
  /** Images per batch record (several designs per call, as on demand). */
  designsPerRecord: z.number().int().min(1),
  /** Images written to the input so far (while preparing). */
  prepared: z.number().int(),
  /** Images in the records Bedrock has processed so far. */
  processed: z.number().int(),
  /** Answers read back and stored; records sent on to on-demand analysis (failed or invalid there). */
  stored: z.number().int(),
  retried: z.number().int(),
  /** At the batch price; and what the same records would cost on demand, for the saving shown. */
  estimateUsd: z.number(),
  onDemandUsd: z.number(),
  /** What the answers read back cost, at the batch price. */
  costUsd: z.number(),
  submittedAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type BatchJob = z.infer<typeof BatchJob>;

/** What Settings → AI → Batch jobs → Check found: whether a job could start, or what to fix. */
export const BatchCheck = z.object({ ok: z.boolean(), message: z.string() });
export type BatchCheck = z.infer<typeof BatchCheck>;

/** Whether a run of this many images would go to Bedrock as a batch job, and why not when not. */
export const BatchOffer = z.object({
  available: z.boolean(),
  /** What stands in the way, in words the user can act on (null when available). */
  reason: z.string().nullable(),
  threshold: z.number().int(),
  costUsd: z.number(),
  onDemandUsd: z.number(),
  savingUsd: z.number(),
});
export type BatchOffer = z.infer<typeof BatchOffer>;

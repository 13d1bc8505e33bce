import { z } from 'zod';
import { BatchOffer } from './batch';
import { ATTRIBUTE_FIELDS, ModelAttributes } from './attributes';
import { JOB_STATES } from './jobs';
import { TeamSpend } from './team';

export const ANALYZER_KINDS = ['local', 'bedrock'] as const;
export type AnalyzerKind = (typeof ANALYZER_KINDS)[number];

/** A Bedrock model id, inference-profile id or prompt-router ARN: configuration, never a constant in code. */
export const ModelId = z.string().trim().min(1).max(2048);

export const ModelPrice = z.object({
  /** US dollars per million tokens. */
  inputPerMTok: z.number().min(0),
  outputPerMTok: z.number().min(0),
  /** Image models: US dollars per generated image (standard quality, up to 1024 × 1024). */
  perImage: z.number().min(0).optional(),
  /** Video models: US dollars per second of generated video. */
  perVideoSecond: z.number().min(0).optional(),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/** Where AWS credentials come from. Secrets themselves are never in settings (see SecretStore). */
export const CredentialSource = z.discriminatedUnion('kind', [
  /** The SDK's default chain: environment, shared config/credentials files (SSO included), … */
  z.object({ kind: z.literal('default') }),
  z.object({ kind: z.literal('profile'), profile: z.string().trim().min(1).max(200) }),
  /** An access key pair kept encrypted by the OS keychain (Electron safeStorage); desktop only. */
  z.object({ kind: z.literal('stored-keys') }),
]);
export type CredentialSource = z.infer<typeof CredentialSource>;

export const MAX_PROMPT_NOTES = 10;
export const PromptNote = z.string().trim().min(1).max(200);

export const AiSettings = z.object({
  /** What new images are analysed with; `local` needs no network and no credentials. */
  analyzer: z.enum(ANALYZER_KINDS),
  region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'not an AWS region name, e.g. us-east-1'),
  credentials: CredentialSource,
  /** First model asked; cheap. */
  attributesModel: ModelId,
  /** Asked when the first reply fails validation twice or is less confident than the threshold; null: never escalate. */
  escalationModel: ModelId.nullable(),
  escalationThreshold: z.number().min(0).max(1),
  /** The image model the ad studio generates backgrounds with (Nova Canvas, Titan Image, or a Stability model). */
  imageModel: ModelId,
  /** Where Amazon Nova Reel writes the videos it makes (s3://bucket/prefix in the user's own account); '' = not set. */
  videoOutputS3Uri: z.string().trim().max(1024),
  /** Where batch inference jobs keep their input and output (s3://bucket/prefix in the user's account); '' = not set. */
  batchS3Uri: z.string().trim().max(1024),
  /** The IAM service role Bedrock assumes to read and write that bucket for batch jobs; '' = not set. */
  batchRoleArn: z.string().trim().max(2048),
  /** Runs of at least this many images to send are offered as a batch job (half price, answers within a day). */
  batchThreshold: z.number().int().min(100).max(10_000_000),
  remoteConcurrency: z.number().int().min(1).max(16),
  /** Designs sent in one call: the fixed prompt is paid once per call, so more is cheaper (Claude takes up to 20 images). */
  designsPerCall: z.number().int().min(1).max(8),
  requestTimeoutMs: z.number().int().min(1000).max(600_000),
  monthlyBudgetUsd: z.number().min(0),
  /** Per model id; models without a price are costed at the most expensive known price, never at zero. */
  prices: z.record(z.string(), ModelPrice),
  /** When the default prices were taken from AWS's published on-demand price list. */
  pricesAsOf: z.string(),
  /** Whether unreviewed model attributes are searchable (the review workspace decides what counts). */
  searchUnreviewed: z.boolean(),
  /**
   * Fields the team trusts a model with: its unreviewed answers for them count as approved
   * (searchable, exported) without a person accepting each one.
   */
  trustedFields: z.array(z.object({ modelId: ModelId, field: z.enum(ATTRIBUTE_FIELDS) })).max(200),
  /** Lessons from review added to the attribute prompt ("paisley is not floral: …"); they change its version. */
  promptNotes: z.array(PromptNote).max(MAX_PROMPT_NOTES),
});
export type AiSettings = z.infer<typeof AiSettings>;

/** One analyzer's answer for one image, cached by (hash, model, prompt version). */
export const ModelAnalysis = z.object({
  hash: z.string(),
  /** The model that actually answered (for a prompt router, the routed-to model). */
  modelId: z.string(),
  /** The model id the request was sent to (a router ARN, an inference profile or the model itself). */
  requestedModelId: z.string(),
  promptVersion: z.string(),
  schemaVersion: z.number().int(),
  attributes: ModelAttributes,
  confidence: z.number().min(0).max(1),
  /** Set when this answer came from escalating a weaker model's reply. */
  escalatedFrom: z.string().nullable(),
  costUsd: z.number().min(0),
  at: z.number(),
});
export type ModelAnalysis = z.infer<typeof ModelAnalysis>;

/** A remote analysis is a persisted record: a crash, a pause or an outage resumes from these. */
export const AnalysisJob = z.object({
  id: z.string(),
  hash: z.string(),
  /** A display name for progress and errors (a file name of the asset). */
  name: z.string(),
  state: z.enum(JOB_STATES),
  /** Why a job waits (offline, no credentials, budget, paused) or failed. */
  reason: z.string().nullable(),
  attempts: z.number().int(),
  batchId: z.string(),
  enqueuedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type AnalysisJob = z.infer<typeof AnalysisJob>;

export const INVOCATION_OUTCOMES = [
  'ok',
  'invalid',
  'throttled',
  'denied',
  'timeout',
  'offline',
  'error',
  'blocked',
  /** The person pressed Stop while the answer streamed in: nothing of it was kept. */
  'stopped',
] as const;
export type InvocationOutcome = (typeof INVOCATION_OUTCOMES)[number];

/** Why a request never left this machine: nothing to sign it with, no route to AWS, or the monthly budget. */
export const NOT_SENT_REASONS = ['no-credentials', 'offline', 'budget'] as const;
export type NotSentReason = (typeof NOT_SENT_REASONS)[number];

/** Each reason as a user reads it, after a count of requests. */
export const NOT_SENT_LABELS: Record<NotSentReason, string> = {
  'no-credentials': 'no AWS credentials',
  offline: 'Amazon Bedrock could not be reached',
  budget: 'the monthly budget was reached',
};

/**
 * One call to a model: what it cost and how it went. No image bytes, no secrets. A request
 * refused on this machine before it was sent is recorded too, marked `notSent`: it is not a call.
 */
export const Invocation = z.object({
  id: z.string(),
  at: z.number(),
  /** The images the call was about (several designs share one call). */
  hashes: z.array(z.string()),
  requestedModelId: z.string(),
  modelId: z.string(),
  promptVersion: z.string(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  latencyMs: z.number(),
  costUsd: z.number(),
  outcome: z.enum(INVOCATION_OUTCOMES),
  /** The service's error type or the validation error, shortened. */
  detail: z.string().nullable(),
  /** Which try of the same job this was: 0 the first, 1 the retry after an invalid reply, … */
  attempt: z.number().int(),
  /**
   * Why the request never reached the service; null when it did. Records written before this
   * field lack it: see invocation-reach.ts for how they are read.
   */
  notSent: z.enum(NOT_SENT_REASONS).nullable().optional(),
});
export type Invocation = z.infer<typeof Invocation>;

export const AnalysisProgress = z.object({
  queued: z.number().int(),
  running: z.number().int(),
  waiting: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  /** Jobs per second over the recent window. */
  rate: z.number(),
  etaSeconds: z.number().nullable(),
  currentFile: z.string().nullable(),
  paused: z.boolean(),
  /** Why remote work is held: paused by the user, budget reached, offline, no credentials; null when running. */
  holdReason: z.string().nullable(),
  spentThisMonthUsd: z.number(),
  budgetUsd: z.number(),
  /** ok below 80 %, warn from 80 %, exceeded at 100 % (remote jobs pause). */
  budgetState: z.enum(['ok', 'warn', 'exceeded']),
});
export type AnalysisProgress = z.infer<typeof AnalysisProgress>;

export const CostEstimate = z.object({
  modelId: z.string(),
  images: z.number().int(),
  /** Already analysed with this model and prompt (cache hits): free. */
  cached: z.number().int(),
  /** Solids and other images the local analyzer answers well enough: not sent. */
  skipped: z.number().int(),
  toSend: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  /** What sending each whole image at the model's limit would cost, for comparison. */
  naiveCostUsd: z.number(),
  /** `measured` once the invocation log holds similar calls; `rule of thumb` before. */
  basis: z.enum(['measured', 'rule of thumb']),
  spentThisMonthUsd: z.number(),
  budgetUsd: z.number(),
  /** The same run as a Bedrock batch job: whether it can be one, and at what price. */
  batch: BatchOffer,
});
export type CostEstimate = z.infer<typeof CostEstimate>;

/** What exactly leaves the machine for one image. */
export const ModelInputPreview = z.object({
  hash: z.string(),
  /** Why these images: a repeat tile, sheet segments, tiles of a large print, or the whole image. */
  plan: z.string(),
  skipReason: z.string().nullable(),
  images: z.array(
    z.object({
      role: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      bytes: z.number().int(),
      dataUrl: z.string(),
    }),
  ),
  prompt: z.string(),
  estimatedInputTokens: z.number().int(),
});
export type ModelInputPreview = z.infer<typeof ModelInputPreview>;

export const CONNECTION_PROBLEMS = [
  'no-credentials',
  'expired-token',
  'invalid-credentials',
  'access-denied',
  'wrong-region',
  'throttled',
  'offline',
  'timeout',
  'unknown',
] as const;
export type ConnectionProblem = (typeof CONNECTION_PROBLEMS)[number];

export const ConnectionCheck = z.object({
  ok: z.boolean(),
  problem: z.enum(CONNECTION_PROBLEMS).nullable(),
  /** One clear sentence for the user, naming the fix. */
  message: z.string(),
  modelId: z.string(),
  region: z.string(),
  latencyMs: z.number().nullable(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;

export const AvailableModel = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.string(),
  kind: z.enum(['model', 'inference-profile']),
  /** Text, image… in and out. */
  input: z.array(z.string()),
  output: z.array(z.string()),
  lifecycle: z.enum(['ACTIVE', 'LEGACY', 'UNKNOWN']),
  /** Set when the model is legacy or end-of-life, or a configured id is not offered at all. */
  warning: z.string().nullable(),
});
export type AvailableModel = z.infer<typeof AvailableModel>;

/** What Settings lists: the models, or why there are none to list (no credentials, no permission, offline). */
export const ModelCatalog = z.object({
  models: z.array(AvailableModel),
  /** Null when the list came back. */
  problem: z.enum(CONNECTION_PROBLEMS).nullable(),
  /** One clear sentence naming the fix; null when the list came back. */
  message: z.string().nullable(),
});
export type ModelCatalog = z.infer<typeof ModelCatalog>;

export const UsageRow = z.object({
  day: z.string(),
  modelId: z.string(),
  calls: z.number().int(),
  failures: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  latencyP50Ms: z.number().nullable(),
  latencyP95Ms: z.number().nullable(),
});
export type UsageRow = z.infer<typeof UsageRow>;

/** Requests to one model refused on this machine for one reason: not calls, never charged. */
export const NotSentRow = z.object({
  modelId: z.string(),
  reason: z.enum(NOT_SENT_REASONS),
  count: z.number().int(),
  lastAt: z.number(),
  /** The latest message about it, naming the way forward; null for records older than that message. */
  detail: z.string().nullable(),
});
export type NotSentRow = z.infer<typeof NotSentRow>;

export const UsageReport = z.object({
  /** One row per day and model, oldest first; only requests that reached the service. */
  days: z.array(UsageRow),
  /** One row per model over the whole range (day = 'all'); only requests that reached the service. */
  models: z.array(UsageRow),
  /** Requests that never left this machine, per model and reason, most recent first. */
  notSent: z.array(NotSentRow),
  spentThisMonthUsd: z.number(),
  budgetUsd: z.number(),
  /** In a team library: the team's budget and each person's spend; null in a library of one's own. */
  team: TeamSpend.nullable(),
});
export type UsageReport = z.infer<typeof UsageReport>;

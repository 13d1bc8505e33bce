/**
 * Whether a run goes to Bedrock as a batch job: at least the threshold of images to send (and Bedrock's
 * own minimum of records), a Claude model, a bucket and a role to do it with, and room in the budget. The
 * estimate is the on-demand one for as many designs per call as a record holds, at the batch price, beside
 * what the run costs on demand, so the saving shown is the real difference.
 */
import type { AiSettings } from '../../../shared/model/ai';
import type { Asset } from '../../../shared/model/asset';
import { BATCH_MINIMUM_RECORDS, BATCH_PRICE_FACTOR, type BatchOffer } from '../../../shared/model/batch';
import type { AnalysisRecords } from '../../store';
import { spentThisMonth } from '../budget';
import { estimateRun } from '../estimate';
import { attributePrompt } from '../bedrock/prompt';
import { planModelInput } from '../model-input';
import { roundUsd } from '../pricing';
import { isBatchableModel } from './batch-record';

export const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

export interface BatchPlan {
  offer: BatchOffer;
  /** Designs per record: as many as on demand, fewer when that would leave under Bedrock's minimum of records. */
  designsPerRecord: number;
  /** The images a batch job would send: not answered locally (solids), by this model already, or queued on demand. */
  toSend: Asset[];
}

export function planBatch(
  assets: readonly Asset[],
  settings: AiSettings,
  store: AnalysisRecords,
  now: number,
): BatchPlan {
  const promptVersion = attributePrompt(settings.promptNotes).version;
  // Images the on-demand queue is already sending are not paid for twice.
  const queued = new Set(store.listAnalysisJobs(['queued', 'running', 'waiting']).map((job) => job.hash));
  const toSend = assets.filter(
    (asset) =>
      !queued.has(asset.hash) &&
      !planModelInput(asset).skipReason &&
      !store.findModelAnalysis(asset.hash, settings.attributesModel, promptVersion),
  );
  // Both prices over exactly what a job would send, so the saving compares like with like.
  const onDemandUsd = estimateRun(toSend, settings, store, now).costUsd;
  const designsPerRecord = Math.max(
    1,
    Math.min(settings.designsPerCall, Math.floor(toSend.length / BATCH_MINIMUM_RECORDS)),
  );
  const asRecordsUsd =
    designsPerRecord === settings.designsPerCall
      ? onDemandUsd
      : estimateRun(toSend, { ...settings, designsPerCall: designsPerRecord }, store, now).costUsd;
  const costUsd = asRecordsUsd * BATCH_PRICE_FACTOR;
  const spent = spentThisMonth(store, now);
  // Jobs still at Bedrock are paid for when read back: their estimates are held against the budget now.
  const held = store
    .listBatchJobs()
    .filter((job) => job.stage !== 'finished')
    .reduce((sum, job) => sum + job.estimateUsd, 0);
  const overBudget =
    spent + held + costUsd > settings.monthlyBudgetUsd
      ? budgetText(costUsd, spent, held, settings.monthlyBudgetUsd, store.getTeamBudget() !== null)
      : null;
  const reason = obstacle(toSend.length, settings, overBudget);
  return {
    toSend,
    designsPerRecord,
    offer: {
      available: reason === undefined,
      reason: reason ?? null,
      threshold: settings.batchThreshold,
      costUsd: roundUsd(costUsd),
      onDemandUsd: roundUsd(onDemandUsd),
      savingUsd: roundUsd(Math.max(0, onDemandUsd - costUsd)),
    },
  };
}

/** What stands in the way of a batch job, first the things no setting changes. */
function obstacle(records: number, settings: AiSettings, overBudget: string | null): string | undefined {
  if (records < BATCH_MINIMUM_RECORDS) {
    const minimum = `Bedrock's minimum of ${BATCH_MINIMUM_RECORDS} records per batch job`;
    return `${records} images to send is under ${minimum}: analyse them on demand.`;
  }
  if (records < settings.batchThreshold) {
    const threshold = `the batch threshold of ${settings.batchThreshold} (Settings → AI)`;
    return `${records} images to send is under ${threshold}: on demand answers within minutes.`;
  }
  if (settings.analyzer !== 'bedrock')
    return 'Choose Amazon Bedrock as the analyzer in Settings → AI to run a batch job.';
  if (!isBatchableModel(settings.attributesModel)) {
    const model = settings.attributesModel;
    return `Batch jobs here are written for Claude models; ${model} is not one: choose a Claude model in Settings → AI.`;
  }
  if (!settings.batchS3Uri) return 'Set the S3 location for batch jobs in Settings → AI (s3://bucket/prefix).';
  if (!ROLE_ARN.test(settings.batchRoleArn)) {
    return 'Set the IAM role Bedrock assumes for batch jobs in Settings → AI (arn:aws:iam::<account>:role/<name>).';
  }
  return overBudget ?? undefined;
}

function budgetText(cost: number, spent: number, held: number, budget: number, team: boolean): string {
  const usd = (value: number) => `$${value.toFixed(2)}`;
  const heldText = held > 0 ? ` and ${usd(held)} held for batch jobs still at Bedrock` : '';
  const whose = team ? "the team's monthly budget" : 'the monthly budget';
  const raise = team ? "the team's admin can raise it" : 'raise it in Settings, or analyse fewer images';
  return `A batch job of ≈ ${usd(cost)} would pass ${whose} of ${usd(budget)} (${usd(spent)} spent${heldText}): ${raise}.`;
}

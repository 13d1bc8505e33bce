/**
 * What a run will cost before it starts: images the local analysis answers (solids) and
 * cache hits are free; the rest is priced from the tokens of what would actually be sent,
 * measured from earlier calls to the same model when the log has them, else Claude's
 * rule of thumb (image tokens ≈ width × height / 750) plus the prompt and a typical reply.
 */
import type { AiSettings, CostEstimate, Invocation } from '../../shared/model/ai';
import type { Asset } from '../../shared/model/asset';
import type { AnalysisRecords } from '../store';
import { attributePrompt, promptTokens, TYPICAL_REPLY_TOKENS } from './bedrock/prompt';
import { naivePlan, planImageTokens, planModelInput } from './model-input';
import { costOf, roundUsd } from './pricing';
import { spentThisMonth } from './budget';

/** Calls of this model under this prompt needed before their average counts as measured. */
const MEASURED_MIN_CALLS = 5;

export type EstimableAsset = Pick<Asset, 'hash' | 'metadata' | 'analysis' | 'segments' | 'tiles'>;

export function estimateRun(
  assets: readonly EstimableAsset[],
  settings: AiSettings,
  store: AnalysisRecords,
  now: number,
): Omit<CostEstimate, 'batch'> {
  const modelId = settings.attributesModel;
  const prompt = attributePrompt(settings.promptNotes);
  const promptVersion = prompt.version;
  const naive = naivePlan();
  let cached = 0,
    skipped = 0,
    toSend = 0,
    imageTokens = 0,
    naiveInput = 0;
  for (const asset of assets) {
    const { width, height } = asset.metadata;
    naiveInput += planImageTokens(naive, width, height) + promptTokens(1);
    const plan = planModelInput(asset);
    if (plan.skipReason) skipped++;
    else if (store.findModelAnalysis(asset.hash, modelId, promptVersion)) cached++;
    else {
      toSend++;
      imageTokens += planImageTokens(plan, width, height);
    }
  }
  const calls = Math.ceil(toSend / settings.designsPerCall);
  const measured = measuredPerDesign(store.listInvocations(), modelId, promptVersion);
  const inputTokens = measured
    ? Math.round(measured.input * toSend)
    : imageTokens + calls * promptTokens(settings.designsPerCall, prompt.system);
  const outputTokens = Math.round((measured?.output ?? TYPICAL_REPLY_TOKENS) * toSend);
  return {
    modelId,
    images: assets.length,
    cached,
    skipped,
    toSend,
    inputTokens,
    outputTokens,
    costUsd: costOf(modelId, inputTokens, outputTokens, settings.prices),
    naiveCostUsd: costOf(modelId, naiveInput, TYPICAL_REPLY_TOKENS * assets.length, settings.prices),
    basis: measured ? 'measured' : 'rule of thumb',
    spentThisMonthUsd: roundUsd(spentThisMonth(store, now)),
    budgetUsd: settings.monthlyBudgetUsd,
  };
}

/** Average tokens per design over successful first calls of this model and prompt. */
function measuredPerDesign(
  log: readonly Invocation[],
  modelId: string,
  promptVersion: string,
): { input: number; output: number } | null {
  const calls = log.filter(
    (c) =>
      c.requestedModelId === modelId &&
      c.promptVersion === promptVersion &&
      c.outcome === 'ok' &&
      c.attempt === 0 &&
      c.hashes.length > 0,
  );
  if (calls.length < MEASURED_MIN_CALLS) return null;
  const designs = calls.reduce((n, c) => n + c.hashes.length, 0);
  return {
    input: calls.reduce((n, c) => n + c.inputTokens, 0) / designs,
    output: calls.reduce((n, c) => n + c.outputTokens, 0) / designs,
  };
}

import type { ModelAnalysis } from '../../shared/model/ai';
import type { AnalysisRecords } from '../store';
import { LOCAL_MODEL_ID, localAttributes } from '../analysis';
import type { Asset } from '../../shared/model/asset';

/**
 * The model answer a reviewer looks at first: an escalated answer over the one it replaced,
 * else the most confident, else the newest.
 */
export function currentAnalysis<A extends Pick<ModelAnalysis, 'escalatedFrom' | 'confidence' | 'at'>>(
  analyses: readonly A[],
): A | null {
  let best: A | null = null;
  for (const a of analyses) {
    if (!best) best = a;
    else if ((a.escalatedFrom !== null) !== (best.escalatedFrom !== null)) best = a.escalatedFrom !== null ? a : best;
    else if (a.confidence !== best.confidence) best = a.confidence > best.confidence ? a : best;
    else if (a.at > best.at) best = a;
  }
  return best;
}

/** The local analyzer's answer in the same shape, for side-by-side comparison (never stored). */
export function localAnalysis(asset: Asset): ModelAnalysis {
  return {
    hash: asset.hash,
    modelId: LOCAL_MODEL_ID,
    requestedModelId: LOCAL_MODEL_ID,
    promptVersion: 'local',
    schemaVersion: 1,
    attributes: localAttributes(asset),
    confidence: asset.analysis.pattern.confidence,
    escalatedFrom: null,
    costUsd: 0,
    at: asset.addedAt,
  };
}

/** Every answer for an asset: the local analyzer's first, then each model's. */
export function allAnalyses(store: AnalysisRecords, asset: Asset): ModelAnalysis[] {
  return [localAnalysis(asset), ...store.listModelAnalyses(asset.hash)];
}

/**
 * The one interface every attribute analyzer implements: the built-in local analyzer, Amazon
 * Bedrock, and whatever comes next (an OpenAI-compatible local server, say) as a new file
 * registered in analyzers.ts. Caching, routing, cost and the invocation log sit above it.
 */
import type { AiSettings, AnalyzerKind } from '../../shared/model/ai';
import type { Asset } from '../../shared/model/asset';
import type { ModelAttributes } from '../../shared/model/attributes';
import type { ModelImage } from './model-input';

/** One paid call as it went: what the invocation log records. */
export interface CallRecord {
  requestedModelId: string;
  /** Who answered: a prompt router reports the model it routed to. */
  modelId: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  attempt: number;
  invalid: number;
  detail: string | null;
}

/** One design's answer: attributes, or why there are none. */
export interface DesignAnswer {
  attributes: ModelAttributes | null;
  error: string | null;
  modelId: string;
}

export interface AnalyzerItem {
  asset: Asset;
  /** The prepared images for this asset, rendered on demand (remote analyzers only need them). */
  images(): Promise<ModelImage[]>;
}

export interface AnalyzerResult {
  /** One per item, in order. */
  answers: DesignAnswer[];
  /** Every paid call made, including the corrective turn. */
  calls: CallRecord[];
}

export interface Analyzer {
  readonly kind: AnalyzerKind;
  /** True when the analyzer sends images off the machine (so plans, costs and budgets apply). */
  readonly remote: boolean;
  /** Names the prompt and schema its answers were made with: cached answers are reused only for the same. */
  readonly promptVersion: string;
  /** The model asked first and the one to escalate to (null: none), as the settings say. */
  models(settings: AiSettings): { primary: string; escalation: string | null };
  /**
   * Attributes for several designs in one go. A service or network failure rejects with an
   * AnalyzerFailure (classified, carrying the calls already paid for); an invalid answer for one
   * design is that design's error, not a rejection.
   */
  analyze(items: readonly AnalyzerItem[], modelId: string, signal?: AbortSignal): Promise<AnalyzerResult>;
}

/**
 * Token usage to money. Defaults are AWS's published on-demand prices for Amazon Bedrock
 * (us-east-1, per million tokens, per image or per second of video); users edit them in
 * Settings when AWS changes them or their region differs. A model without a price is costed
 * at the dearest known price, never at zero, so an estimate errs on the side of the user's wallet.
 */
import type { ModelPrice } from '../../shared/model/ai';

export const DEFAULT_PRICES_AS_OF = '2025-06-01 (Amazon Bedrock on-demand pricing page, us-east-1)';

export const DEFAULT_PRICES: Record<string, ModelPrice> = {
  'anthropic.claude-3-haiku-20240307-v1:0': { inputPerMTok: 0.25, outputPerMTok: 1.25 },
  'anthropic.claude-3-5-haiku-20241022-v1:0': { inputPerMTok: 0.8, outputPerMTok: 4 },
  'anthropic.claude-3-5-sonnet-20240620-v1:0': { inputPerMTok: 3, outputPerMTok: 15 },
  'anthropic.claude-3-5-sonnet-20241022-v2:0': { inputPerMTok: 3, outputPerMTok: 15 },
  'anthropic.claude-3-7-sonnet-20250219-v1:0': { inputPerMTok: 3, outputPerMTok: 15 },
  'anthropic.claude-sonnet-4-20250514-v1:0': { inputPerMTok: 3, outputPerMTok: 15 },
  'amazon.nova-lite-v1:0': { inputPerMTok: 0.06, outputPerMTok: 0.24 },
  'amazon.nova-pro-v1:0': { inputPerMTok: 0.8, outputPerMTok: 3.2 },
  'amazon.nova-canvas-v1:0': { inputPerMTok: 0, outputPerMTok: 0, perImage: 0.04 },
  'amazon.titan-image-generator-v2:0': { inputPerMTok: 0, outputPerMTok: 0, perImage: 0.01 },
  'stability.stable-image-core-v1:1': { inputPerMTok: 0, outputPerMTok: 0, perImage: 0.04 },
  /** 1280 × 720 at 24 fps, billed per second of video made. */
  'amazon.nova-reel-v1:1': { inputPerMTok: 0, outputPerMTok: 0, perVideoSecond: 0.08 },
};

/** Cross-region inference profiles ("us.", "eu.", "apac.", "global.") cost what their model costs. */
function baseModelId(modelId: string): string {
  return modelId.replace(/^(us|eu|apac|us-gov|global|ca|jp|au)\./, '');
}

export function priceOf(modelId: string, prices: Record<string, ModelPrice>): ModelPrice {
  const known = prices[modelId] ?? prices[baseModelId(modelId)];
  if (known) return known;
  const all = Object.values(prices);
  return {
    inputPerMTok: Math.max(0, ...all.map((p) => p.inputPerMTok)),
    outputPerMTok: Math.max(0, ...all.map((p) => p.outputPerMTok)),
    perImage: Math.max(0, ...all.map((p) => p.perImage ?? 0)),
  };
}

/** What `count` generated images cost with this model (the dearest known image price when unknown). */
export function imageCostOf(modelId: string, count: number, prices: Record<string, ModelPrice>): number {
  return (priceOf(modelId, prices).perImage ?? 0) * count;
}

/**
 * What `seconds` of generated video cost with this model. Without a video price for it in the table (an
 * unknown model, or settings saved before video was priced) it is the dearest video price known, the
 * defaults included: never zero.
 */
export function videoCostOf(modelId: string, seconds: number, prices: Record<string, ModelPrice>): number {
  const own = (prices[modelId] ?? prices[baseModelId(modelId)])?.perVideoSecond;
  const known = [...Object.values(DEFAULT_PRICES), ...Object.values(prices)];
  return (own ?? Math.max(...known.map((p) => p.perVideoSecond ?? 0))) * seconds;
}

/** Money as shown and reported: to the micro-dollar, so sums of tiny call costs read cleanly. */
export function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function costOf(
  modelId: string,
  inputTokens: number,
  outputTokens: number,
  prices: Record<string, ModelPrice>,
): number {
  const price = priceOf(modelId, prices);
  return (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1e6;
}

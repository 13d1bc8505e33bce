/**
 * Attributes for a batch of assets, as routing asks: the cached answer when these bytes were
 * already analysed by this model under this prompt (never paid for twice); else the first
 * model; then, for designs whose answer failed validation or is less confident than the
 * threshold, the escalation model. Every call goes into the invocation log with its cost.
 */
import type { AiSettings, ModelAnalysis, NotSentReason } from '../../shared/model/ai';
import type { Asset } from '../../shared/model/asset';
import { ATTRIBUTE_SCHEMA_VERSION, overallConfidence, type ModelAttributes } from '../../shared/model/attributes';
import type { AnalysisRecords } from '../store';
import type { Analyzer, CallRecord } from './analyzer';
import type { InvocationEntry, InvocationLog } from './invocation-log';
import { planModelInput, renderAssetInput, type ModelImage } from './model-input';
import { costOf } from './pricing';
import { AnalyzerFailure, RemoteCallError, type ClassifiedFailure } from './remote-failure';

export interface ExtractionOutcome {
  hash: string;
  state: 'done' | 'failed';
  /** The chosen answer's model, or why nothing was stored (also set for skipped solids). */
  modelId: string | null;
  reason: string | null;
}

interface Pending {
  asset: Asset;
  /** Rendered on first use and kept, so escalation sends what the first model saw without reading the original again. */
  images: () => Promise<ModelImage[]>;
  answer: ModelAnalysis | null;
  error: string | null;
}

export class AttributeExtraction {
  constructor(
    private readonly store: AnalysisRecords,
    private readonly analyzer: Analyzer,
    private readonly calls: InvocationLog,
    private readonly now: () => number = Date.now,
  ) {}

  async run(assets: readonly Asset[], settings: AiSettings, signal?: AbortSignal): Promise<ExtractionOutcome[]> {
    const outcomes = new Map<string, ExtractionOutcome>();
    const pending: Pending[] = [];
    for (const asset of assets) {
      const plan = planModelInput(asset);
      if (this.analyzer.remote && plan.skipReason) {
        outcomes.set(asset.hash, {
          hash: asset.hash,
          state: 'done',
          modelId: null,
          reason: `not sent: ${plan.skipReason}`,
        });
        continue;
      }
      pending.push({ asset, images: once(() => renderAssetInput(asset, plan)), answer: null, error: null });
    }
    const { primary, escalation } = this.analyzer.models(settings);
    await this.ask(pending, primary, null, settings, signal);
    if (escalation && escalation !== primary) {
      const weak = pending.filter((p) => !p.answer || p.answer.confidence < settings.escalationThreshold);
      await this.escalate(weak, escalation, primary, settings, signal);
    }
    for (const p of pending) {
      outcomes.set(
        p.asset.hash,
        p.answer
          ? { hash: p.asset.hash, state: 'done', modelId: p.answer.modelId, reason: null }
          : { hash: p.asset.hash, state: 'failed', modelId: null, reason: p.error ?? 'no answer' },
      );
    }
    return assets.map((a) => outcomes.get(a.hash)!);
  }

  /**
   * The stronger model is a second opinion: when it is out of reach (no access, wrong region)
   * the first model's answers stand, with the reason kept; only throttling waits and retries.
   */
  private async escalate(
    items: Pending[],
    modelId: string,
    from: string,
    settings: AiSettings,
    signal?: AbortSignal,
  ): Promise<void> {
    try {
      await this.ask(items, modelId, from, settings, signal);
    } catch (error) {
      if (
        !(error instanceof RemoteCallError) ||
        error.failure.action === 'throttle' ||
        error.failure.action === 'retry'
      )
        throw error;
      for (const item of items) item.error = `escalation to ${modelId} failed: ${error.failure.message}`;
    }
  }

  /** Fills answers from the cache or one call to `modelId`; a better answer replaces a weaker one. */
  private async ask(
    items: Pending[],
    modelId: string,
    escalatedFrom: string | null,
    settings: AiSettings,
    signal?: AbortSignal,
  ): Promise<void> {
    const toCall: Pending[] = [];
    for (const item of items) {
      const cached = this.store.findModelAnalysis(item.asset.hash, modelId, this.analyzer.promptVersion);
      if (cached) item.answer = better(item.answer, cached);
      else toCall.push(item);
    }
    const ready = this.analyzer.remote ? await this.prepare(toCall) : toCall;
    if (ready.length === 0) return;
    let result;
    try {
      result = await this.analyzer.analyze(
        ready.map((p) => ({ asset: p.asset, images: p.images })),
        modelId,
        signal,
      );
    } catch (error) {
      if (!(error instanceof AnalyzerFailure)) throw error;
      this.logCalls(error.calls, ready, settings);
      this.logFailure(modelId, ready, error.failure, error.latencyMs, error.calls.length);
      throw new RemoteCallError(error.failure);
    }
    const costs = this.logCalls(result.calls, ready, settings);
    result.answers.forEach((answer, i) => {
      const item = ready[i];
      if (!answer.attributes) {
        item.error = `${answer.modelId} gave no valid answer: ${answer.error}`;
        return;
      }
      const analysis = this.record(
        item.asset.hash,
        answer.attributes,
        answer.modelId,
        modelId,
        escalatedFrom,
        costs / ready.length,
      );
      item.answer = better(item.answer, analysis);
    });
  }

  /** Renders what is sent; an image that cannot be read fails alone, before anything is paid. */
  private async prepare(items: Pending[]): Promise<Pending[]> {
    const ready: Pending[] = [];
    for (const item of items) {
      try {
        await item.images();
        ready.push(item);
      } catch (error) {
        item.error = (error as Error).message;
      }
    }
    return ready;
  }

  private record(
    hash: string,
    attributes: ModelAttributes,
    modelId: string,
    requestedModelId: string,
    escalatedFrom: string | null,
    costUsd: number,
  ): ModelAnalysis {
    const analysis: ModelAnalysis = {
      hash,
      modelId,
      requestedModelId,
      promptVersion: this.analyzer.promptVersion,
      schemaVersion: ATTRIBUTE_SCHEMA_VERSION,
      attributes,
      confidence: round(overallConfidence(attributes)),
      escalatedFrom,
      costUsd,
      at: this.now(),
    };
    this.store.recordModelAnalysis(analysis);
    return analysis;
  }

  /** A request kept back before it was made (by the budget): logged as not sent, never as a call. */
  keptBack(hashes: string[], settings: AiSettings, reason: NotSentReason, message: string): void {
    const { primary } = this.analyzer.models(settings);
    this.log({
      requestedModelId: primary,
      modelId: primary,
      hashes,
      inputTokens: 0,
      outputTokens: 0,
      latencyMs: 0,
      costUsd: 0,
      outcome: 'denied',
      detail: message,
      attempt: 0,
      notSent: reason,
    });
  }

  /** Returns the total cost of the calls. */
  private logCalls(calls: readonly CallRecord[], items: readonly Pending[], settings: AiSettings): number {
    let total = 0;
    for (const call of calls) {
      const costUsd = costOf(call.modelId, call.inputTokens, call.outputTokens, settings.prices);
      total += costUsd;
      this.log({
        requestedModelId: call.requestedModelId,
        modelId: call.modelId,
        hashes: items.map((p) => p.asset.hash),
        inputTokens: call.inputTokens,
        outputTokens: call.outputTokens,
        latencyMs: call.latencyMs,
        costUsd,
        outcome: call.invalid ? 'invalid' : 'ok',
        detail: call.detail,
        attempt: call.attempt,
        notSent: null,
      });
    }
    return total;
  }

  private logFailure(
    modelId: string,
    items: readonly Pending[],
    failure: ClassifiedFailure,
    latencyMs: number,
    attempt: number,
  ): void {
    this.log({
      requestedModelId: modelId,
      modelId,
      hashes: items.map((p) => p.asset.hash),
      inputTokens: 0,
      outputTokens: 0,
      latencyMs,
      costUsd: 0,
      outcome: failure.outcome,
      detail: failure.message,
      attempt,
      notSent: failure.notSent,
    });
  }

  private log(entry: Omit<InvocationEntry, 'promptVersion'>): void {
    this.calls.record({ ...entry, promptVersion: this.analyzer.promptVersion });
  }
}

/** An escalated answer counts when it is valid; between two valid ones, the more confident wins. */
function better(current: ModelAnalysis | null, candidate: ModelAnalysis): ModelAnalysis {
  if (!current) return candidate;
  return candidate.confidence >= current.confidence || candidate.escalatedFrom !== null ? candidate : current;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= make());
}

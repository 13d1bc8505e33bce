/**
 * Renders queued variants one after another (a variant holds full-size images in memory),
 * persisted as records: a variant is `queued` until it is `ready`, `failed` or `blocked`, so
 * a restart picks up where it stopped. Remote generation checks the monthly budget first and
 * logs every call with its cost; a refusal by the service or a guardrail is reported as
 * blocked and never retried.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { ApplyGuardrailCommand } from '@aws-sdk/client-bedrock-runtime';
import type { AdVariant, Campaign } from '../../shared/model/ads';
import type { InvocationOutcome, NotSentReason } from '../../shared/model/ai';
import { AD_FORMATS } from '../../shared/model/ads';
import type { AnalysisService } from '../analysis';
import { budgetMessage, spentThisMonth } from '../analysis/budget';
import { classifyBedrockError } from '../analysis/bedrock/bedrock-errors';
import { imageCostOf } from '../analysis/pricing';
import { writeAtomic } from '../imaging/cache-files';
import type { LibraryStore } from '../store';
import { variantPath } from './campaign-files';
import type { ProductCutout } from './compose';
import { GenerationBlockedError } from './generators/nova-canvas';
import type { GeneratorDeps } from './generators/generators';
import { localGenerator, remoteGenerator } from './generators/generators';
import { brandProblems } from './guardrails';
import { renderVariant } from './variant-renderer';

export const ADS_PROMPT_VERSION = 'ads-v1';

export interface VariantInputs {
  product(campaign: Campaign): Promise<ProductCutout>;
  logo(campaign: Campaign): Promise<ProductCutout | null>;
  accent(campaign: Campaign): string;
  pattern: GeneratorDeps['pattern'];
}

interface QueueEvents {
  changed: [string];
}

export class VariantQueue extends EventEmitter<QueueEvents> {
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly store: LibraryStore,
    private readonly dataDir: string,
    private readonly analysis: AnalysisService,
    private readonly inputs: VariantInputs,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  /** Picks up variants a previous run left queued or half-done. */
  resume(): void {
    for (const v of this.store.listVariants())
      if (v.state === 'generating') this.store.updateVariant(v.id, { state: 'queued' });
    this.kick();
  }

  kick(): void {
    if (this.running || this.closed) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      if (!this.closed && this.store.listVariants().some((v) => v.state === 'queued')) this.kick();
    });
  }

  /** Resolves when nothing is queued or rendering. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const next = this.store.listVariants().find((v) => v.state === 'queued');
      if (!next || this.closed) return;
      this.store.updateVariant(next.id, { state: 'generating' });
      this.emit('changed', next.campaignId);
      await this.render(next).catch((error: unknown) =>
        this.store.updateVariant(next.id, { state: 'failed', error: `unexpected error: ${(error as Error).message}` }),
      );
      this.emit('changed', next.campaignId);
    }
  }

  private async render(variant: AdVariant): Promise<void> {
    const campaign = this.store.getCampaign(variant.campaignId);
    const concept = campaign?.concepts.find((c) => c.id === variant.conceptId);
    if (!campaign || !concept)
      return this.store.updateVariant(variant.id, { state: 'failed', error: 'its campaign or concept was deleted' });
    const remote = variant.generator !== 'local';
    const settings = this.analysis.settings();
    const promptProblems = brandProblems(
      { ...campaign.brand, requiredDisclaimer: '', allowedColours: [] },
      { copy: [], prompts: [concept.prompt], colours: [] },
    );
    if (remote && promptProblems.length)
      return this.store.updateVariant(variant.id, {
        state: 'blocked',
        error: `not sent: ${promptProblems.join('; ')}`,
      });
    if (remote) {
      const spent = spentThisMonth(this.store, this.now());
      if (spent >= settings.monthlyBudgetUsd)
        return this.store.updateVariant(variant.id, {
          state: 'failed',
          error: budgetMessage(spent, settings.monthlyBudgetUsd),
        });
      const refusal = await this.guardrail(campaign, concept.prompt);
      if (refusal) return this.store.updateVariant(variant.id, { state: 'blocked', error: refusal });
    }
    const deps = {
      runtimeClient: () => this.analysis.runtimeClient(),
      timeoutMs: () => Math.max(settings.requestTimeoutMs, 120_000),
      pattern: this.inputs.pattern,
    };
    const generator = remote ? remoteGenerator(variant.generator, deps) : localGenerator(deps);
    const format = AD_FORMATS.find((f) => f.id === variant.format)!;
    const started = performance.now();
    try {
      const ad = await renderVariant({
        generator,
        concept,
        width: format.width,
        height: format.height,
        seed: variant.seed,
        product: await this.inputs.product(campaign),
        logo: await this.inputs.logo(campaign),
        copy: campaign.copy,
        brand: campaign.brand,
        accent: this.inputs.accent(campaign),
      });
      const costUsd = remote ? imageCostOf(variant.generator, 1, settings.prices) : 0;
      if (remote) this.log(campaign, variant.generator, costUsd, 'ok', null, started);
      await writeAtomic(variantPath(this.dataDir, campaign.id, variant.id), ad.png);
      const guardrail = [
        ...brandProblems(campaign.brand, {
          copy: [campaign.copy.headline, campaign.copy.subline, campaign.copy.cta, campaign.brand.requiredDisclaimer],
          prompts: remote ? [concept.prompt] : [],
          colours: ad.colours,
        }),
        ...ad.dropped,
      ];
      this.store.updateVariant(variant.id, {
        state: 'ready',
        error: null,
        productBox: ad.productBox,
        contrast: ad.contrast,
        guardrail,
        costUsd,
      });
    } catch (error) {
      if (!remote) throw error;
      const blocked = error instanceof GenerationBlockedError;
      const failure = blocked
        ? null
        : classifyBedrockError(error, {
            modelId: variant.generator,
            region: settings.region,
            ...this.analysis.credentialAccess(),
          });
      const message = blocked ? (error as Error).message : failure!.message;
      const outcome = blocked ? 'blocked' : failure!.outcome;
      this.log(campaign, variant.generator, 0, outcome, message, started, failure?.notSent ?? null);
      this.store.updateVariant(variant.id, {
        state: blocked || failure!.outcome === 'blocked' ? 'blocked' : 'failed',
        error: message,
      });
    }
  }

  /** The brand's Bedrock Guardrail on the prompt, when one is set: the reason it intervened, or null. */
  private async guardrail(campaign: Campaign, prompt: string): Promise<string | null> {
    const { guardrailId, guardrailVersion } = campaign.brand;
    if (!guardrailId) return null;
    const output = await this.analysis.runtimeClient().send(
      new ApplyGuardrailCommand({
        guardrailIdentifier: guardrailId,
        guardrailVersion: guardrailVersion || 'DRAFT',
        source: 'INPUT',
        content: [{ text: { text: prompt } }],
      }),
    );
    if (output.action !== 'GUARDRAIL_INTERVENED') return null;
    return (
      `the brand guardrail blocked the prompt: ` +
      `${output.outputs?.map((o) => o.text).join(' ') || output.actionReason || 'no reason given'}`
    );
  }

  private log(
    campaign: Campaign,
    modelId: string,
    costUsd: number,
    outcome: InvocationOutcome,
    detail: string | null,
    started: number,
    notSent: NotSentReason | null = null,
  ): void {
    this.store.recordInvocation({
      id: randomUUID(),
      at: this.now(),
      hashes: [campaign.productHash],
      requestedModelId: modelId,
      modelId,
      promptVersion: ADS_PROMPT_VERSION,
      inputTokens: 0,
      outputTokens: 0,
      latencyMs: Math.round(performance.now() - started),
      costUsd,
      outcome,
      detail: detail?.slice(0, 300) ?? null,
      attempt: 0,
      notSent,
    });
  }
}

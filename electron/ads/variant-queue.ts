/**
 * Renders variants one at a time on the shared job runner (a variant holds full-size images in memory).
 * A variant is its own job record: queued, generating (running), then ready, failed or blocked (done or
 * failed for the runner), or cancelled, so a restart picks up where it stopped. Remote generation checks
 * the monthly budget first and logs every call with its cost; a refusal by the service or a guardrail is
 * reported as blocked and never retried.
 */
import { EventEmitter } from 'node:events';
import { ApplyGuardrailCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import {
  cutoutReadiness,
  RENDERED_STATES,
  type AdVariant,
  type Campaign,
  type Concept,
  type VariantState,
} from '../../shared/model/ads';
import { StorageUnavailableError } from '../../shared/errors';
import type { JobState } from '../../shared/model/jobs';
import { AD_FORMATS } from '../../shared/model/ads';
import { RemoteCallError, type AnalysisService } from '../analysis';
import { budgetMessage, spentThisMonth } from '../analysis/budget';
import { imageCostOf } from '../analysis/pricing';
import { writeAtomic } from '../imaging/cache-files';
import { JobRunner, type JobOutcome, type JobRecord, type JobRecords } from '../jobs';
import { writeFaultOf, type LibraryStore } from '../store';
import { variantPath } from './campaign-files';
import type { ProductCutout } from './compose';
import { GenerationBlockedError } from './generators/nova-canvas';
import type { GeneratorDeps } from './generators/generators';
import { localGenerator, remoteGenerator } from './generators/generators';
import type { ImageGenerator } from './generators/image-generator';
import { brandProblems } from './guardrails';
import { renderLiveVariant } from './live-variant';
import { renderVariant } from './variant-renderer';
import { VariantEdits, type EditModel } from './variant-edits';

export const ADS_PROMPT_VERSION = 'ads-v1';

export interface VariantInputs {
  product(campaign: Campaign): Promise<ProductCutout>;
  logo(campaign: Campaign): Promise<ProductCutout | null>;
  accent(campaign: Campaign): string;
  libraryImage: GeneratorDeps['libraryImage'];
}

interface QueueEvents {
  changed: [string];
}

type VariantRecord = Omit<AdVariant, 'state'> & JobRecord;

/** How a variant's state reads in the job vocabulary: a rendered or blocked variant is a finished job. */
const JOB_STATE_OF: Record<VariantState, JobState> = {
  queued: 'queued',
  generating: 'running',
  ready: 'done',
  'needs-attention': 'done',
  failed: 'failed',
  blocked: 'failed',
  cancelled: 'cancelled',
};
const VARIANT_STATE_OF: Partial<Record<JobState, VariantState>> = {
  queued: 'queued',
  running: 'generating',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** Variants are their own job records; the runner never removes them (they are the campaign's results). */
function variantRecords(store: LibraryStore): JobRecords<VariantRecord> {
  const asRecord = (v: AdVariant): VariantRecord => ({
    ...v,
    reason: v.error,
    attempts: 0,
    priority: 0,
    enqueuedAt: v.createdAt,
    state: JOB_STATE_OF[v.state],
  });
  return {
    list: (states) =>
      store.ads
        .listVariants()
        .map(asRecord)
        .filter((v) => !states || states.includes(v.state)),
    put: (jobs) =>
      store.ads.putVariants(
        jobs.map(({ reason, attempts: _a, priority: _p, enqueuedAt: _e, ...v }) => ({
          ...v,
          error: reason,
          state: VARIANT_STATE_OF[v.state] ?? 'queued',
        })),
      ),
    update: (id, patch) => {
      // A render records its own result (ready or blocked) before the runner marks the job finished.
      const current = store.ads.getVariant(id);
      if (patch.state === 'done' || (patch.state === 'failed' && current?.state === 'blocked')) return;
      const state = patch.state && VARIANT_STATE_OF[patch.state];
      store.ads.updateVariant(id, {
        ...(state && { state }),
        ...(patch.reason !== undefined && { error: patch.reason }),
      });
    },
  };
}

export class VariantQueue extends EventEmitter<QueueEvents> {
  private readonly runner: JobRunner<VariantRecord>;
  /** Edits of rendered variants, queued and rendered here as variants of their own. */
  readonly edits: VariantEdits;

  constructor(
    private readonly store: LibraryStore,
    private readonly dataDir: string,
    private readonly analysis: AnalysisService,
    private readonly inputs: VariantInputs,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.edits = new VariantEdits(store, dataDir, analysis, inputs, (variants) => this.enqueue(variants), now);
    this.runner = new JobRunner(
      variantRecords(store),
      ([variant]) => this.renderJob(variant),
      {
        concurrency: () => 1,
        nameOf: (variant) => `${variant.format} #${variant.index}`,
      },
      now,
    );
    this.runner.on('finished', (variant) => this.emit('changed', variant.campaignId));
  }

  /** Picks up variants a previous run left queued or half-done. */
  resume(): void {
    this.runner.resume();
  }

  /** Lifts a hold now (writing works again). */
  resumeNow(): void {
    this.runner.resumeNow();
  }

  /** Queues new variants (or failed ones again, with the same seed and prompt). */
  enqueue(variants: AdVariant[]): void {
    this.runner.enqueue(
      variants.map((v) => ({
        ...v,
        state: 'queued',
        reason: null,
        attempts: 0,
        priority: 0,
        enqueuedAt: v.createdAt,
      })),
    );
  }

  /** Cancels the campaign's variants that have not started; returns how many. */
  cancelQueued(campaignId: string): number {
    return this.runner.cancel((v) => v.campaignId === campaignId && v.state !== 'running');
  }

  /** Resolves when nothing is queued or rendering. */
  settled(): Promise<void> {
    return this.runner.settled();
  }

  /** Lets the variant being rendered finish; queued ones stay for the next run. */
  close(): Promise<void> {
    return this.runner.stop();
  }

  private async renderJob(job: VariantRecord): Promise<JobOutcome[]> {
    const variant = this.store.ads.getVariant(job.id);
    if (!variant) return [{ state: 'cancelled', reason: 'the variant was deleted' }];
    this.emit('changed', variant.campaignId);
    await this.render(variant).catch((error: unknown) => {
      // A file the machine would not write (a full disk) is not the variant's fault: the queue waits for room.
      if (error instanceof StorageUnavailableError || writeFaultOf(error))
        throw this.store.storage.refused(error, this.store.storage.folder);
      this.store.ads.updateVariant(variant.id, {
        state: 'failed',
        error: `unexpected error: ${(error as Error).message}`,
      });
    });
    const after = this.store.ads.getVariant(variant.id);
    if (after && RENDERED_STATES.includes(after.state)) return [{ state: 'done', reason: null }];
    return [{ state: after?.state === 'cancelled' ? 'cancelled' : 'failed', reason: after?.error ?? null }];
  }

  private async render(variant: AdVariant): Promise<void> {
    const campaign = this.store.ads.getCampaign(variant.campaignId);
    const concept = campaign?.concepts.find((c) => c.id === variant.conceptId);
    if (!campaign || !concept)
      return this.store.ads.updateVariant(variant.id, {
        state: 'failed',
        error: 'its campaign or concept was deleted',
      });
    const readiness = cutoutReadiness(campaign.cutout);
    if (!readiness.usable)
      return this.store.ads.updateVariant(variant.id, {
        state: 'failed',
        error: `not made without the product: ${readiness.reason}`,
      });
    const remote = variant.generator !== 'local';
    const settings = this.analysis.settings();
    // An edit sends its own prompt; the scene's was checked when its parent was made.
    const prompt = variant.edit ? variant.edit.prompt : concept.prompt;
    const promptProblems = brandProblems(
      { ...campaign.brand, requiredDisclaimer: '', allowedColours: [] },
      { copy: [], prompts: [prompt], colours: [] },
    );
    if (remote && promptProblems.length)
      return this.store.ads.updateVariant(variant.id, {
        state: 'blocked',
        error: `not sent: ${promptProblems.join('; ')}`,
      });
    if (remote) {
      const spent = spentThisMonth(this.store.analysis, this.now());
      if (spent >= settings.monthlyBudgetUsd)
        return this.keptBack(campaign, variant, budgetMessage(spent, settings.monthlyBudgetUsd, this.store.analysis));
      const refusal = prompt && (await this.guardrail(campaign, prompt));
      if (refusal) return this.store.ads.updateVariant(variant.id, { state: 'blocked', error: refusal });
    }
    try {
      if (variant.edit) {
        const model = remote ? this.editModel(campaign, variant.generator) : null;
        await this.edits.render(variant, variant.edit, campaign, model);
      } else await this.renderFromConcept(campaign, concept, variant);
    } catch (error) {
      // The model call was logged and classified by the gateway; anything else is a bug, reported as such.
      if (!(error instanceof RemoteCallError)) throw error;
      const { outcome, message } = error.failure;
      this.store.ads.updateVariant(variant.id, { state: outcome === 'blocked' ? 'blocked' : 'failed', error: message });
    }
  }

  private async renderFromConcept(campaign: Campaign, concept: Concept, variant: AdVariant): Promise<void> {
    const remote = variant.generator !== 'local';
    const settings = this.analysis.settings();
    const generator = remote ? this.remoteGenerator(campaign, variant.generator) : localGenerator(this.inputs);
    const format = AD_FORMATS.find((f) => f.id === variant.format)!;
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
      fonts: { headline: campaign.brand.headlineFont || undefined, body: campaign.brand.bodyFont || undefined },
      framed: campaign.cutout?.method === 'whole-photo',
    });
    const costUsd = remote ? imageCostOf(variant.generator, 1, settings.prices) : 0;
    await writeAtomic(variantPath(this.dataDir, campaign.id, variant.id), ad.png);
    const guardrail = [
      ...brandProblems(campaign.brand, {
        copy: [campaign.copy.headline, campaign.copy.subline, campaign.copy.cta, campaign.brand.requiredDisclaimer],
        prompts: remote ? [concept.prompt] : [],
        colours: ad.colours,
      }),
      ...ad.dropped,
    ];
    const live = variant.liveRequested ? await renderLiveVariant(this.dataDir, variant, ad.layers) : null;
    const attention = [
      ...ad.problems,
      ...guardrail,
      ...(live?.overBudget.map((problem) => `live loop: ${problem}`) ?? []),
    ];
    this.store.ads.updateVariant(variant.id, {
      state: attention.length ? 'needs-attention' : 'ready',
      error: null,
      productBox: ad.productBox,
      contrast: ad.contrast,
      guardrail,
      attention,
      legibility: ad.legibility,
      recipe: remote ? null : ad.recipe,
      backgroundAssets: ad.backgroundAssets,
      live,
      costUsd,
    });
  }

  /** The image model for an edit, through the same gateway: one image, logged with its cost. */
  private editModel(campaign: Campaign, modelId: string): EditModel {
    const settings = this.analysis.settings();
    const costUsd = imageCostOf(modelId, 1, settings.prices);
    const meta = { modelId, promptVersion: ADS_PROMPT_VERSION, hashes: [campaign.productHash] };
    return {
      modelId,
      costUsd,
      timeoutMs: Math.max(settings.requestTimeoutMs, 120_000),
      call: (send) =>
        this.analysis.models.call(
          meta,
          (client) => send(client).catch(blockedAsFailure),
          () => ({ costUsd }),
        ),
    };
  }

  /** A model that paints backgrounds, each call through the gateway (logged with its cost, failures classified). */
  private remoteGenerator(campaign: Campaign, modelId: string): ImageGenerator {
    const settings = this.analysis.settings();
    const meta = { modelId, promptVersion: ADS_PROMPT_VERSION, hashes: [campaign.productHash] };
    const deps = (client: BedrockRuntimeClient) => ({
      runtimeClient: () => client,
      timeoutMs: () => Math.max(settings.requestTimeoutMs, 120_000),
      libraryImage: this.inputs.libraryImage,
    });
    const shape = remoteGenerator(modelId, deps(this.analysis.runtimeClient()));
    return {
      ...shape,
      generate: (request, signal) =>
        this.analysis.models.call(
          meta,
          (client) => remoteGenerator(modelId, deps(client)).generate(request, signal).catch(blockedAsFailure),
          () => ({ costUsd: imageCostOf(modelId, 1, settings.prices) }),
        ),
    };
  }

  /** Kept back before anything was sent (the budget): the variant fails with why, logged as not sent. */
  private keptBack(campaign: Campaign, variant: AdVariant, message: string): void {
    this.analysis.calls.record({
      hashes: [campaign.productHash],
      requestedModelId: variant.generator,
      modelId: variant.generator,
      promptVersion: ADS_PROMPT_VERSION,
      inputTokens: 0,
      outputTokens: 0,
      latencyMs: 0,
      costUsd: 0,
      outcome: 'denied',
      detail: message,
      attempt: 0,
      notSent: 'budget',
    });
    this.store.ads.updateVariant(variant.id, { state: 'failed', error: message });
  }

  /** The brand's Bedrock Guardrail on the prompt, when one is set: the reason it intervened, or null. */
  private async guardrail(campaign: Campaign, prompt: string): Promise<string | null> {
    const { guardrailId, guardrailVersion } = campaign.brand;
    if (!guardrailId) return null;
    const output = await this.analysis.models.call(
      { modelId: guardrailId, promptVersion: 'guardrail', hashes: [campaign.productHash] },
      (client) =>
        client.send(
          new ApplyGuardrailCommand({
            guardrailIdentifier: guardrailId,
            guardrailVersion: guardrailVersion || 'DRAFT',
            source: 'INPUT',
            content: [{ text: { text: prompt } }],
          }),
        ),
      // Guardrails are priced per text unit, outside the model price table.
      () => ({ costUsd: 0 }),
    );
    if (output.action !== 'GUARDRAIL_INTERVENED') return null;
    return (
      `the brand guardrail blocked the prompt: ` +
      `${output.outputs?.map((o) => o.text).join(' ') || output.actionReason || 'no reason given'}`
    );
  }
}

/** A service that filtered the image away answered: blocked, never retried. */
function blockedAsFailure(error: unknown): never {
  if (!(error instanceof GenerationBlockedError)) throw error;
  throw new RemoteCallError({
    outcome: 'blocked',
    problem: 'unknown',
    action: 'fail',
    message: error.message,
    notSent: null,
  });
}

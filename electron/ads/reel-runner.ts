/**
 * Nova Reel videos for rendered variants: the product photo and the concept's prompt sent as an
 * asynchronous Bedrock job, polled while it works (minutes), its cost checked against the monthly
 * budget first and logged through the gateway, the video read back from the user's S3 bucket and kept
 * beside the variant. One video at a time per variant; the state lives on the variant so the UI shows it.
 */
import type { AdVariant, Campaign } from '../../shared/model/ads';
import { ConflictError } from '../../shared/errors';
import type { AnalysisService } from '../analysis';
import { budgetMessage, spentThisMonth } from '../analysis/budget';
import { readOriginal } from '../analysis/model-input';
import { videoCostOf } from '../analysis/pricing';
import { writeAtomic } from '../imaging/cache-files';
import type { LibraryStore } from '../store';
import { reelPath } from './campaign-files';
import { makeReelVideo, NOVA_REEL, REEL_SECONDS } from './generators/nova-reel';
import { requireS3Location } from './generators/s3-object';
import { ADS_PROMPT_VERSION } from './variant-queue';

/** Nova Reel takes a few minutes for 6 s: poll gently, give up after a quarter of an hour. */
const POLL_MS = 10_000;
const TIMEOUT_MS = 15 * 60_000;

export interface ReelTiming {
  pollMs: number;
  timeoutMs: number;
}

export class ReelRunner {
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();

  constructor(
    private readonly store: LibraryStore,
    private readonly dataDir: string,
    private readonly analysis: AnalysisService,
    private readonly changed: (campaignId: string) => void,
    private readonly now: () => number = Date.now,
    private readonly timing: ReelTiming = { pollMs: POLL_MS, timeoutMs: TIMEOUT_MS },
  ) {}

  /** Starts a video for a rendered variant; refuses (before anything is sent) without an S3 location or budget. */
  start(variant: AdVariant, campaign: Campaign): AdVariant {
    if (this.running.has(variant.id)) throw new ConflictError('Nova Reel is already making a video of this variant');
    const settings = this.analysis.settings();
    requireS3Location(settings.videoOutputS3Uri);
    const costUsd = videoCostOf(NOVA_REEL, REEL_SECONDS, settings.prices);
    const spent = spentThisMonth(this.store.analysis, this.now());
    if (spent + costUsd > settings.monthlyBudgetUsd)
      throw new ConflictError(
        `${budgetMessage(spent, settings.monthlyBudgetUsd, this.store.analysis)} (a video costs ≈ $${costUsd.toFixed(2)})`,
      );
    const concept = campaign.concepts.find((c) => c.id === variant.conceptId);
    const prompt = (concept?.prompt ?? variant.prompt).slice(0, 512);
    this.store.ads.updateVariant(variant.id, {
      reel: {
        state: 'running',
        modelId: NOVA_REEL,
        prompt,
        seconds: REEL_SECONDS,
        costUsd,
        s3Uri: null,
        error: null,
        startedAt: this.now(),
        finishedAt: null,
      },
    });
    const abort = new AbortController();
    const done = this.make(variant, campaign, prompt, abort.signal).finally(() => {
      this.running.delete(variant.id);
      this.changed(variant.campaignId);
    });
    this.running.set(variant.id, { abort, done });
    return this.store.ads.getVariant(variant.id)!;
  }

  /** A video the app was making when it last closed cannot be waited for again: say so, and how to go on. */
  resume(): void {
    for (const variant of this.store.ads.listVariants()) {
      if (variant.reel?.state !== 'running') continue;
      this.store.ads.updateVariant(variant.id, {
        reel: {
          ...variant.reel,
          state: 'failed',
          error:
            'the app closed while Nova Reel was making this video; make it again ' +
            '(the first job may still finish in your S3 bucket and be billed)',
          finishedAt: this.now(),
        },
      });
    }
  }

  /** Resolves when no video is being made. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  async close(): Promise<void> {
    for (const { abort } of this.running.values()) abort.abort();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  private async make(variant: AdVariant, campaign: Campaign, prompt: string, signal: AbortSignal): Promise<void> {
    const settings = this.analysis.settings();
    const asset = this.store.getAsset(campaign.productHash);
    try {
      if (!asset) throw new Error('the product image is no longer in the library');
      const video = await makeReelVideo(
        { calls: this.analysis.models, s3: this.analysis.s3Client(), prices: settings.prices },
        {
          modelId: NOVA_REEL,
          prompt,
          startImage: await readOriginal(asset),
          seed: variant.seed,
          durationSeconds: REEL_SECONDS,
          s3Uri: settings.videoOutputS3Uri,
        },
        { intervalMs: this.timing.pollMs, timeoutMs: this.timing.timeoutMs, signal },
        { promptVersion: ADS_PROMPT_VERSION, hashes: [campaign.productHash] },
      );
      await writeAtomic(reelPath(this.dataDir, campaign.id, variant.id), video.mp4);
      this.finish(variant.id, { state: 'done', s3Uri: video.s3Uri, costUsd: video.costUsd, error: null });
    } catch (error) {
      // Nothing was made: the price quoted up front is not what it cost.
      this.finish(variant.id, { state: 'failed', error: (error as Error).message, costUsd: 0 });
    }
  }

  private finish(variantId: string, patch: Partial<NonNullable<AdVariant['reel']>>): void {
    const current = this.store.ads.getVariant(variantId)?.reel;
    if (!current) return;
    this.store.ads.updateVariant(variantId, { reel: { ...current, ...patch, finishedAt: this.now() } });
  }
}

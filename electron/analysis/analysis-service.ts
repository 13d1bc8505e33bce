/**
 * Model analysis as the app uses it: settings (defaults until the user changes one), the
 * credentials they point to, the analyzer they pick, the persisted queue, estimates, the
 * connection test, the model list and the usage report. Plain Node: the desktop shell only
 * supplies the SecretStore backed by the OS keychain.
 */
import { EventEmitter } from 'node:events';
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  AiSettings,
  type ConnectionCheck,
  type CostEstimate,
  type ModelCatalog,
  type ModelInputPreview,
  type UsageReport,
} from '../../shared/model/ai';
import type { Asset } from '../../shared/model/asset';
import type { LibraryStore } from '../store';
import { classifyBedrockError } from './bedrock/bedrock-errors';
import { InvocationLog } from './invocation-log';
import { ModelCalls } from './model-calls';
import type { ClassifiedFailure } from './remote-failure';
import { AnalysisQueue } from './analysis-queue';
import type { Analyzer } from './analyzer';
import { AttributeExtraction, type ExtractionOutcome } from './attribute-extraction';
import { createAnalyzer } from './analyzers';
import { checkConnection } from './bedrock/connection-check';
import type { CredentialAccess } from './bedrock/credential-advice';
import { credentialProvider, type AccessKeys, type SecretStore } from './bedrock/credentials';
import { listAvailableModels } from './bedrock/model-catalog';
import { attributePrompt, userMessage } from './bedrock/prompt';
import { createRuntimeClient } from './bedrock/runtime-client';
import { createS3Client } from './bedrock/s3-client';
import { spentThisMonth } from './budget';
import { defaultAiSettings } from './default-settings';
import { estimateRun } from './estimate';
import { planImageTokens, planModelInput, renderAssetInput } from './model-input';
import { costOf } from './pricing';
import { usageReport } from './usage-report';
import { ModelStreams } from './model-streams';
import { BatchAnalysis } from './batch/batch-analysis';
import { createControlClient } from './batch/batch-control';
import { planBatch } from './batch/batch-offer';

export interface AnalysisServiceOptions {
  store: LibraryStore;
  secrets: SecretStore;
  now?: () => number;
  holdRetryMs?: number;
  backoffMs?: number;
  /** How often a batch job at Bedrock is asked about (default a minute). */
  batchPollMs?: number;
}

interface ServiceEvents {
  analysed: [ExtractionOutcome[]];
}

export class AnalysisService extends EventEmitter<ServiceEvents> {
  readonly queue: AnalysisQueue;
  /** Every model call the app makes is recorded here: analysis, connection tests and the ad studio's. */
  readonly calls: InvocationLog;
  /** One-off model calls on the user's behalf (the ad studio's), logged and classified in one place. */
  readonly models: ModelCalls;
  /** Model answers a person watches as they arrive (product features, search in words), with Stop. */
  readonly streams = new ModelStreams();
  /** Bulk runs as Bedrock batch inference jobs, at the batch price. */
  readonly batch: BatchAnalysis;
  private client: { key: string; client: BedrockRuntimeClient } | null = null;
  private s3: { key: string; client: S3Client } | null = null;
  private control: { key: string; client: BedrockClient } | null = null;
  /** Settings for this process only (the CLI's --analyzer and AWS environment), never saved. */
  private overrides: Partial<AiSettings> = {};

  constructor(private readonly options: AnalysisServiceOptions) {
    super();
    this.calls = new InvocationLog(options.store.analysis, options.now);
    this.models = new ModelCalls({
      client: () => this.runtimeClient(),
      log: this.calls,
      classify: (error, modelId) => this.classifyFailure(error, modelId),
    });
    this.queue = new AnalysisQueue({
      store: options.store,
      settings: () => this.settings(),
      extraction: () => new AttributeExtraction(options.store.analysis, this.analyzer(), this.calls),
      now: options.now,
      holdRetryMs: options.holdRetryMs,
      backoffMs: options.backoffMs,
    });
    this.queue.on('analysed', (outcomes) => this.emit('analysed', outcomes));
    this.batch = new BatchAnalysis({
      store: options.store,
      settings: () => this.settings(),
      s3: () => this.s3Client(),
      control: () => this.controlClient(),
      calls: this.calls,
      sendOnDemand: (assets) => this.queue.enqueue(assets),
      classify: (error, modelId) => this.classifyFailure(error, modelId),
      now: options.now,
      pollMs: options.batchPollMs,
    });
  }

  private get now(): () => number {
    return this.options.now ?? Date.now;
  }

  start(): void {
    this.queue.resume();
    this.batch.resume();
  }

  settings(): AiSettings {
    // In a team library whose admin set a budget, that one budget holds on every member's machine.
    const team = this.options.store.analysis.getTeamBudget();
    return { ...this.savedSettings(), ...this.overrides, ...(team && { monthlyBudgetUsd: team.monthlyUsd }) };
  }

  private savedSettings(): AiSettings {
    // Defaults first: settings saved by an older version lack the fields added since.
    return { ...defaultAiSettings(), ...this.options.store.analysis.getAiSettings() };
  }

  /** Applies settings to this process without saving them (a CLI run must not change the app's choices). */
  overrideSettings(patch: Partial<AiSettings>): void {
    this.overrides = AiSettings.partial().parse(patch);
    this.queue.settingsChanged();
  }

  updateSettings(patch: Partial<AiSettings>): AiSettings {
    const next = AiSettings.parse({ ...this.savedSettings(), ...patch });
    this.options.store.analysis.setAiSettings(next);
    this.queue.settingsChanged();
    return this.settings();
  }

  /** The team's budget changed (here or on another member's machine): a budget hold is looked at again. */
  budgetChanged(): void {
    this.queue.settingsChanged();
  }

  canStoreKeys(): boolean {
    return this.options.secrets.available;
  }

  /** Where credentials come from, and whether a key can be entered here: failure messages depend on both. */
  /** A failed call to the model provider, classified for the caller's own record (the ad studio's calls). */
  classifyFailure(error: unknown, modelId: string): ClassifiedFailure {
    return classifyBedrockError(error, { modelId, region: this.settings().region, ...this.credentialAccess() });
  }

  credentialAccess(): CredentialAccess {
    return { source: this.settings().credentials, canStoreKeys: this.canStoreKeys() };
  }

  hasStoredKeys(): Promise<boolean> {
    return this.options.secrets.has();
  }

  async storeKeys(keys: AccessKeys): Promise<void> {
    await this.options.secrets.set(keys);
    this.client = null;
    this.updateSettings({ credentials: { kind: 'stored-keys' } });
  }

  async clearKeys(): Promise<void> {
    await this.options.secrets.clear();
    this.client = null;
    if (this.settings().credentials.kind === 'stored-keys') this.updateSettings({ credentials: { kind: 'default' } });
  }

  /** Queues these assets for the remote model; analysis with the local analyzer needs no queue. */
  enqueue(assets: readonly Asset[]): { batchId: string; queued: number } {
    return this.queue.enqueue(assets);
  }

  /** New images go to the model automatically only when the user chose a remote analyzer. */
  autoEnqueue(asset: Asset): void {
    if (this.settings().analyzer !== 'local') this.queue.enqueue([asset]);
  }

  estimate(assets: readonly Asset[]): CostEstimate {
    const settings = this.settings();
    const { store, now } = { store: this.options.store.analysis, now: this.now() };
    return { ...estimateRun(assets, settings, store, now), batch: planBatch(assets, settings, store, now).offer };
  }

  async testConnection(): Promise<ConnectionCheck> {
    const settings = this.settings();
    const context = { modelId: settings.attributesModel, region: settings.region, ...this.credentialAccess() };
    const timeoutMs = Math.min(settings.requestTimeoutMs, 20_000);
    const { check, outcome, usage, notSent } = await checkConnection(this.runtimeClient(), context, timeoutMs);
    this.calls.record({
      hashes: [],
      requestedModelId: settings.attributesModel,
      modelId: settings.attributesModel,
      promptVersion: 'connection-test',
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      latencyMs: check.latencyMs ?? 0,
      costUsd: costOf(settings.attributesModel, usage.inputTokens, usage.outputTokens, settings.prices),
      outcome,
      detail: check.ok ? null : check.message,
      attempt: 0,
      notSent,
    });
    if (check.ok) this.queue.resumeNow();
    return check;
  }

  listModels(): Promise<ModelCatalog> {
    const s = this.settings();
    const configured = [s.attributesModel, ...(s.escalationModel ? [s.escalationModel] : [])];
    const context = { modelId: s.attributesModel, region: s.region, ...this.credentialAccess() };
    return listAvailableModels(credentialProvider(s.credentials, this.options.secrets), configured, context);
  }

  usage(days: number): Omit<UsageReport, 'team'> {
    const settings = this.settings();
    const now = this.now();
    return usageReport(
      this.options.store.analysis.listInvocations(),
      days,
      now,
      spentThisMonth(this.options.store.analysis, now),
      settings.monthlyBudgetUsd,
    );
  }

  /** Exactly what would leave the machine for this image: the rendered images and the prompt. */
  async previewInput(asset: Asset): Promise<ModelInputPreview> {
    const plan = planModelInput(asset);
    const images = plan.skipReason ? [] : await renderAssetInput(asset, plan);
    const request = userMessage([{ images }]);
    const text = (request.content ?? []).flatMap((block) => (block.text ? [block.text] : [])).join('\n');
    const prompt = attributePrompt(this.settings().promptNotes);
    return {
      hash: asset.hash,
      plan: plan.kind,
      skipReason: plan.skipReason,
      images: images.map((img) => ({
        role: img.role,
        width: img.width,
        height: img.height,
        bytes: img.bytes.length,
        dataUrl: `data:image/jpeg;base64,${img.bytes.toString('base64')}`,
      })),
      prompt: `${prompt.system}\n\n${text}\n\n(prompt version ${prompt.version})`,
      estimatedInputTokens: planImageTokens(plan, asset.metadata.width, asset.metadata.height),
    };
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.batch.close();
    this.control?.client.destroy();
    this.client?.client.destroy();
    this.s3?.client.destroy();
  }

  /** The analyzer the settings name; a new provider is a new file and one line in analyzers.ts. */
  private analyzer(): Analyzer {
    return createAnalyzer(this.settings().analyzer, {
      runtimeClient: () => this.runtimeClient(),
      timeoutMs: () => this.settings().requestTimeoutMs,
      region: () => this.settings().region,
      access: () => this.credentialAccess(),
      promptNotes: () => this.settings().promptNotes,
    });
  }

  /** An S3 client with the same region and credentials, for what asynchronous jobs (Nova Reel) write to the user's bucket. */
  s3Client(): S3Client {
    const settings = this.settings();
    const key = JSON.stringify([settings.region, settings.credentials]);
    if (this.s3?.key !== key) {
      this.s3?.client.destroy();
      this.s3 = {
        key,
        client: createS3Client(settings.region, credentialProvider(settings.credentials, this.options.secrets)),
      };
    }
    return this.s3.client;
  }

  /** Bedrock's control plane (batch jobs), with the same region and credentials. */
  private controlClient(): BedrockClient {
    const settings = this.settings();
    const key = JSON.stringify([settings.region, settings.credentials]);
    if (this.control?.key !== key) {
      this.control?.client.destroy();
      this.control = {
        key,
        client: createControlClient(settings.region, credentialProvider(settings.credentials, this.options.secrets)),
      };
    }
    return this.control.client;
  }

  /** One client per region and credential choice, so HTTP/2 sessions are reused across calls (the ad studio shares it). */
  runtimeClient(): BedrockRuntimeClient {
    const settings = this.settings();
    const key = JSON.stringify([settings.region, settings.credentials]);
    if (this.client?.key !== key) {
      this.client?.client.destroy();
      this.client = {
        key,
        client: createRuntimeClient(settings.region, credentialProvider(settings.credentials, this.options.secrets)),
      };
    }
    return this.client.client;
  }
}

/**
 * The composition root (cf. VS Code's main.ts filling its ServiceCollection): the one place that opens
 * the store and builds the services on it, for the desktop shell, browser mode and the CLI alike.
 * The library (folders and ingest) is built at once; model analysis, review and the ad studio on first
 * use, so a one-shot command builds only what it uses.
 */
import { AdStudio } from '../ads';
import { AnalysisService, noSecretStore, type SecretStore } from '../analysis';
import { Library, type LibraryChange, type LibraryOptions } from '../library';
import { LabelCorrectionService, ReviewService } from '../review';
import { openLibraryStore, type LibraryStore, type OpenLibraryStoreOptions } from '../store';

export interface EngineOptions extends LibraryOptions {
  /** Told how far opening a large (or migrating) library has got. */
  onStoreProgress?: OpenLibraryStoreOptions['onProgress'];
  /** Where an entered AWS key pair is kept (the desktop app's OS keychain); none elsewhere. */
  secrets?: SecretStore;
  /**
   * Resume remote analysis and ad generation a previous run left, and send new images to the model
   * the user chose: the app does; a one-shot CLI run asks for what it needs.
   */
  analyse?: boolean;
  /** Remote-queue waits (tests shorten them): first probe after an outage, first backoff after throttling. */
  analysisTiming?: { holdRetryMs?: number; backoffMs?: number };
}

export class Engine {
  private analysisService: AnalysisService | null = null;
  private reviewService: ReviewService | null = null;
  private correctionService: LabelCorrectionService | null = null;
  private adStudio: AdStudio | null = null;

  private constructor(
    readonly store: LibraryStore,
    readonly library: Library,
    private readonly options: EngineOptions,
  ) {}

  /** Opens the store, resumes what a killed process left behind, and starts watching when asked. */
  static async open(options: EngineOptions): Promise<Engine> {
    const store = await openLibraryStore(options.dataDir, { onProgress: options.onStoreProgress });
    let library: Library;
    try {
      library = await Library.open(store, options);
    } catch (error) {
      await store.close();
      throw error;
    }
    const engine = new Engine(store, library, options);
    if (options.analyse) engine.startRemoteWork();
    return engine;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get analysis(): AnalysisService {
    this.analysisService ??= new AnalysisService({
      store: this.store,
      secrets: this.options.secrets ?? noSecretStore,
      ...this.options.analysisTiming,
    });
    return this.analysisService;
  }

  get review(): ReviewService {
    this.reviewService ??= new ReviewService(this.store);
    return this.reviewService;
  }

  get corrections(): LabelCorrectionService {
    this.correctionService ??= new LabelCorrectionService(this.store);
    return this.correctionService;
  }

  get ads(): AdStudio {
    this.adStudio ??= new AdStudio(this.store, this.dataDir, this.analysis);
    return this.adStudio;
  }

  /** Stops the watcher and every queue (queued jobs stay persisted), then closes the store with everything on disk. */
  async close(): Promise<void> {
    await this.library.close();
    await this.adStudio?.close();
    await this.analysisService?.close();
    await this.store.close();
  }

  private startRemoteWork(): void {
    this.analysis.start();
    this.ads.resume();
    // New bytes go to the remote analyzer too, when the user chose one.
    this.library.on('change', (change: LibraryChange) => {
      if (change.kind !== 'ingested' || change.outcome.kind !== 'new') return;
      const asset = this.store.getAsset(change.outcome.hash);
      if (asset) this.analysis.autoEnqueue(asset);
    });
  }
}

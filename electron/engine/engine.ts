/**
 * The composition root (cf. VS Code's main.ts filling its ServiceCollection): the one place that opens
 * the store and builds the services on it, for the desktop shell, browser mode and the CLI alike.
 * The library (folders and ingest) is built at once; model analysis, review and the ad studio on first
 * use, so a one-shot command builds only what it uses.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AdStudio } from '../ads';
import { AnalysisService, monthStart, noSecretStore, type SecretStore } from '../analysis';
import { Library, type LibraryChange, type LibraryOptions } from '../library';
import { LabelCorrectionService, ReviewService } from '../review';
import { SentenceInterpreter } from '../search';
import { openLibraryStore, type LibraryStore, type OpenLibraryStoreOptions } from '../store';
import {
  roleAllows,
  type TeamFolder,
  type TeamLibraryInfo,
  type TeamRole,
  type TeamSpend,
} from '../../shared/model/team';
import { ForbiddenError, InvalidRequestError, NotFoundError } from '../../shared/errors';
import {
  openTeamCopy,
  rewriteCopyIfDue,
  saveTeamLibrary,
  savedTeamLibrary,
  TeamSync,
  withoutPassword,
  type TeamChoice,
} from '../team';

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
  analysisTiming?: { holdRetryMs?: number; backoffMs?: number; batchPollMs?: number };
  /**
   * A team library's PostgreSQL URL: the library is then this machine's copy of it (under
   * dataDir/teams), kept in step with the team's. Without it, the library of dataDir itself.
   */
  teamDb?: TeamChoice;
  /** Who makes this machine's changes to a team library, as its log says (default: the OS user). */
  teamAuthor?: string;
  /** How often a refused write is checked for its end (tests shorten it); see WriteHealth. */
  storageCheckMs?: number;
}

/** How long closing waits for changes made here to reach a team library's server. */
const TEAM_SEND_ON_CLOSE_MS = 5_000;

export class Engine {
  private analysisService: AnalysisService | null = null;
  private reviewService: ReviewService | null = null;
  private correctionService: LabelCorrectionService | null = null;
  private adStudio: AdStudio | null = null;
  private sentenceInterpreter: SentenceInterpreter | null = null;

  private constructor(
    readonly store: LibraryStore,
    readonly library: Library,
    private readonly options: EngineOptions,
    /** Keeps a team library's copy in step with the team's; null for a library of one's own. */
    readonly team: TeamSync | null,
    /** The data folder asked for: Settings live there, and a team library's copy under it. */
    private readonly settingsDir: string,
  ) {}

  /** Opens the store, resumes what a killed process left behind, and starts watching when asked. */
  static async open(requested: EngineOptions): Promise<Engine> {
    const copy = requested.teamDb ? await openTeamCopy(requested.dataDir, requested.teamDb.url) : null;
    const options = copy ? { ...requested, dataDir: copy.dir } : requested;
    let store: LibraryStore;
    try {
      const rewritten = copy && (await rewriteCopyIfDue(copy.dir, copy.db !== null));
      store = await openLibraryStore(options.dataDir, {
        onProgress: options.onStoreProgress,
        storageCheckMs: options.storageCheckMs,
      });
      if (rewritten?.aiSettings) store.analysis.setAiSettings(rewritten.aiSettings);
    } catch (error) {
      await copy?.db?.close();
      throw error;
    }
    const team =
      copy &&
      new TeamSync({ store, copy, url: requested.teamDb!.url, author: requested.teamAuthor ?? os.userInfo().username });
    let library: Library;
    try {
      // A member (browse and search) reads the team's records; the folders are watched by reviewers' machines.
      const watch = options.watch && (!team || roleAllows(team.status.role, 'reviewer'));
      library = await Library.open(store, { ...options, watch, claims: team?.claims });
    } catch (error) {
      await team?.stop();
      await store.close();
      throw error;
    }
    const engine = new Engine(store, library, options, team, requested.dataDir);
    store.storage.on('changed', (health) => health.writable && engine.storageBack());
    if (team) engine.followTeam(team);
    if (options.analyse) engine.startRemoteWork();
    return engine;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  /** Settings → Team library: what this run opened, how its connection is, what the next start opens. */
  teamLibrary(): TeamLibraryInfo {
    const choice = this.options.teamDb;
    const saved = savedTeamLibrary(this.settingsDir);
    const opened = choice?.source === 'settings' ? choice.url : null;
    return {
      open: choice ? { server: withoutPassword(choice.url), source: choice.source } : null,
      status: this.team?.status ?? null,
      saved,
      restartNeeded: (!choice || choice.source === 'settings') && saved !== opened,
      folders: teamFolders(this.team),
      rewriteDue: this.team?.folders.rewriteDue() ?? false,
    };
  }

  /** What this person may do in the team library (null: a library of one's own, where they may do anything). */
  teamRole(): TeamRole | null {
    return this.team?.status.role ?? null;
  }

  /**
   * In a team library the monthly budget is the team's, one for everyone: an admin sets it, and
   * every member's machine holds model calls once the team's spend reaches it.
   */
  setTeamBudget(monthlyUsd: number): void {
    const role = this.teamRole();
    if (!this.team || !role) throw new InvalidRequestError('Only a team library has a team budget.');
    if (!roleAllows(role, 'admin'))
      throw new ForbiddenError(`Setting the team's monthly budget needs the admin role; yours is ${role}.`);
    this.store.analysis.setTeamBudget({ monthlyUsd, setBy: this.team.author, at: Date.now() });
    this.analysisService?.budgetChanged();
  }

  /** The Usage page's team part: the team's budget and who spent what of it this month. */
  async teamSpend(): Promise<TeamSpend | null> {
    if (!this.team) return null;
    const people = await this.team.spendByPerson(monthStart(Date.now()));
    return { budget: this.store.analysis.getTeamBudget(), people };
  }

  /** Where this machine has a team folder (null: the default); see SharedFolders.setMount. */
  setTeamFolderPath(name: string, localPath: string | null): TeamLibraryInfo {
    if (!this.team) throw new InvalidRequestError('Only a team library has shared folders.');
    if (localPath !== null && !path.isAbsolute(localPath))
      throw new InvalidRequestError(`Give the folder's full path on this machine, not ${localPath}.`);
    if (!this.team.folders.list().some((f) => f.name === name))
      throw new NotFoundError(`The team library has no folder named “${name}”.`);
    this.team.folders.setMount(name, localPath === null ? null : path.resolve(localPath));
    return this.teamLibrary();
  }

  /** Chooses the team library the next start opens (null: the local library); see saveTeamLibrary. */
  async chooseTeamLibrary(url: string | null): Promise<TeamLibraryInfo> {
    await saveTeamLibrary(this.settingsDir, url);
    return this.teamLibrary();
  }

  /** Search in words: the built-in interpreter, and the user's model for what it cannot read. */
  get sentences(): SentenceInterpreter {
    this.sentenceInterpreter ??= new SentenceInterpreter(() => this.analysis, this.store);
    return this.sentenceInterpreter;
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
    this.reviewService ??= new ReviewService(this.store, Date.now, this.team?.leases);
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
    if (this.team) {
      // What was made here goes out now if the server is there; else it waits on disk for the next run.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.team.sync(),
        new Promise((resolve) => (timer = setTimeout(resolve, TEAM_SEND_ON_CLOSE_MS))),
      ]);
      clearTimeout(timer);
      await this.team.stop();
    }
    await this.store.close();
  }

  /**
   * Starts the team sync; a folder another member added is scanned and watched here too when this
   * run watches (files already recorded are skipped, files another machine claimed are left to it).
   * A folder this machine cannot reach is marked so, with the reason; the others go on.
   */
  private followTeam(team: TeamSync): void {
    team.start();
    team.on('applied', (ops) => {
      if (ops.some((op) => op.type === 'setTeamBudget')) this.analysisService?.budgetChanged();
    });
    if (!this.options.watch || !roleAllows(team.status.role, 'reviewer')) return;
    team.on('applied', (ops) => {
      for (const op of ops) {
        if (op.type === 'removeFolder') this.library.stopWatching(op.path);
        if (op.type !== 'addFolder') continue;
        this.library.addFolder(op.path).catch((error: Error) => {
          const where = team.folders.list().find((f) => (f.localPath ?? f.defaultPath) === op.path);
          const fix = where ? ` (say where this machine has “${where.name}” in Settings → Team library)` : '';
          const reason = `not reachable from this machine: ${error.message}${fix}`;
          this.store.setFolderState(op.path, 'missing', reason, Date.now());
        });
      }
    });
  }

  /** The library can be written again: every queue that waited for it goes on now, not at its next probe. */
  private storageBack(): void {
    this.library.queue.environmentRecovered();
    this.analysisService?.queue.resumeNow();
    this.adStudio?.queue.resumeNow();
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

function teamFolders(team: TeamSync | null): TeamFolder[] {
  return (team?.folders.list() ?? []).map(({ name, defaultPath, localPath }) => ({
    name,
    defaultPath,
    localPath,
    reachable: existsSync(localPath ?? defaultPath),
  }));
}

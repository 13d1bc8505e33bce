import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PersonSpend, TeamStatus } from '../../shared/model/team';
import type { LibraryOp, LibraryStore } from '../store';
import { TeamIngestClaims } from './ingest-claims';
import { TeamReviewLeases } from './review-leases';
import { isSharedOp } from './shared-ops';
import { TeamChangeLog } from './team-changes';
import { rememberRole, type TeamCopy } from './team-copy';
import { TeamDatabase, TeamSchemaNewerError } from './team-database';
import { TEAM_SCHEMA_VERSION } from './team-schema';
import type { ListenerState, TeamListener } from './team-listener';
import { TeamOutbox } from './team-outbox';
import { SharedFolders } from './shared-folders';
import { ORIGIN_FILE, SHARED_FOLDERS_FILE } from './rewrite-copy';

/** Changes read from the server per journal line applied here. */
const PAGE = 1_000;
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 10_000;

export interface TeamSyncEvents {
  status: [TeamStatus];
  /** Other members' changes, just applied to the local copy. */
  applied: [LibraryOp[]];
}

export interface TeamSyncOptions {
  /** The local copy's store. */
  store: LibraryStore;
  copy: TeamCopy;
  url: string;
  /** Who makes this machine's changes (the OS user by default): said in the team's log. */
  author: string;
}

/**
 * Keeps a member's local copy and the team's change log in step. Every change made here that the
 * team shares goes to a durable outbox first and is sent in order (once, by id), whenever the server
 * is reachable; everyone else's changes are read in the server's order and applied here with the
 * log position they reach, in one journal line. While the server is away the copy keeps working and
 * says so; the connection is tried again with backoff.
 *
 * Known limit: two members changing the same tags at the same moment apply each other's change on
 * top of their own, so their copies can order the two differently. Review decisions and label
 * corrections do not have this problem (the later by time wins, whatever the order of arrival).
 */
export class TeamSync extends EventEmitter<TeamSyncEvents> {
  private db: TeamDatabase | null;
  private log: TeamChangeLog | null = null;
  private listener: TeamListener | null = null;
  private readonly outbox: TeamOutbox;
  private readonly origin: string;
  private current: TeamStatus;
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private sendQueued = false;
  private retry: NodeJS.Timeout | null = null;
  private retryDelay = FIRST_RETRY_MS;
  private stopped = false;
  /** Set when a newer Swatchbook changed the team's schema while this one was connected: it then sends and reads nothing. */
  private newerSchema: string | null = null;
  /** Changes the server refused for this person's role, said while online. */
  private refusals: string | null = null;
  private readonly unsubscribe: () => void;
  /** Who reads which file of the shared folders (see TeamIngestClaims). */
  readonly claims: TeamIngestClaims;
  /** Which reviewer has which item open (see TeamReviewLeases). */
  readonly leases: TeamReviewLeases;
  /** The team's folders and where this machine has them. */
  readonly folders: SharedFolders;

  constructor(private readonly options: TeamSyncOptions) {
    super();
    const { copy, store } = options;
    this.db = copy.db;
    this.outbox = new TeamOutbox(path.join(copy.dir, 'team-outbox.jsonl'));
    this.origin = originOf(copy.dir);
    this.folders = new SharedFolders(path.join(copy.dir, SHARED_FOLDERS_FILE));
    this.claims = new TeamIngestClaims(
      () => this.db,
      this.origin,
      options.author,
      () => this.current.role,
      (local) => this.folders.teamPath(local),
    );
    this.leases = new TeamReviewLeases(() => this.db, this.origin);
    this.current = {
      server: copy.server,
      connection: copy.db ? 'connecting' : 'offline',
      reason: copy.unreachable,
      pending: this.outbox.pending().length,
      teamSeq: store.teamSeq,
      lastContactAt: null,
      role: copy.role,
    };
    this.unsubscribe = store.onChange((op) => this.queue(op));
  }

  /** Who makes this machine's changes, as the team's log names them. */
  get author(): string {
    return this.options.author;
  }

  /** Everyone's model calls since `since`, from the server; null when it cannot be asked now. */
  async spendByPerson(since: number): Promise<PersonSpend[] | null> {
    if (!this.log) return null;
    return this.log.spendByAuthor(since).catch(() => null);
  }

  get status(): TeamStatus {
    return { ...this.current, teamSeq: this.options.store.teamSeq };
  }

  /** Starts listening (or, with the server away, trying to reach it). */
  start(): void {
    if (this.db) void this.listen(this.db);
    else this.tryLater();
  }

  /** Sends what is pending and reads what is new, now; resolves when both are done (or failed, said in status). */
  async sync(): Promise<void> {
    await this.send();
    await this.pull();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.retry) clearTimeout(this.retry);
    await this.listener?.stop();
    await this.pulling;
    await this.db?.close().catch(() => undefined);
  }

  /** A change made here: on disk to be sent before anything else, then sent soon. */
  private queue(op: LibraryOp): void {
    if (!isSharedOp(op)) return;
    const { author } = this.options;
    try {
      const change = this.folders.toTeam(op);
      this.outbox.add({ id: randomUUID(), origin: this.origin, author, madeAt: Date.now(), op: change });
    } catch (error) {
      return this.update({ reason: `A change made here could not be queued for the team: ${messageOf(error)}` });
    }
    this.update({ pending: this.current.pending + 1 });
    if (this.sendQueued) return;
    this.sendQueued = true;
    // Changes made in one turn of the event loop (a batch of tags, say) go in one round trip.
    setImmediate(() => {
      this.sendQueued = false;
      void this.send();
    });
  }

  private async send(): Promise<void> {
    if (!this.log || this.stopped || this.newerSchema) return;
    try {
      await this.outbox.send(this.log);
      if (this.outbox.refused > 0)
        this.refusals =
          `The team library refused ${this.outbox.refused} change(s) made here: your role there no longer ` +
          "allows them (the team's admin can change it). They stay on this machine only.";
      this.contact();
    } catch (error) {
      this.lost(error);
    } finally {
      this.update({ pending: this.outbox.pending().length });
    }
  }

  /** Reads and applies what others did, up to the newest; one read at a time, again if told of more meanwhile. */
  private pull(): Promise<void> {
    if (!this.log) return Promise.resolve();
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = this.readNew().finally(() => (this.pulling = null));
    return this.pulling;
  }

  private async readNew(): Promise<void> {
    const { store } = this.options;
    do {
      this.pullAgain = false;
      try {
        if (await this.outdated()) return;
        for (let changes = await this.page(); changes && !this.stopped; changes = await this.page()) {
          const theirs = changes.filter((c) => c.origin !== this.origin).map((c) => this.folders.toLocal(c.op));
          store.applyTeamChanges(changes[changes.length - 1].seq, theirs);
          if (theirs.length > 0) this.emit('applied', theirs);
          this.contact();
          if (changes.length < PAGE) break;
        }
      } catch (error) {
        if (!this.stopped) this.lost(error);
        return;
      }
    } while (this.pullAgain && !this.stopped);
  }

  private async page() {
    const changes = await this.log!.after(this.options.store.teamSeq, PAGE);
    return changes.length > 0 ? changes : null;
  }

  private async listen(db: TeamDatabase): Promise<void> {
    this.log = new TeamChangeLog(db);
    const listener = await this.log.listen(
      (seq) => seq > this.options.store.teamSeq && void this.pull(),
      (state) => this.heard(state),
    );
    if (this.stopped) return void listener.stop();
    this.listener = listener;
  }

  private heard(state: ListenerState): void {
    if (state.kind === 'lost') return this.update({ connection: 'offline', reason: state.reason });
    this.contact();
    // Back (or connected for the first time): what waited here goes out.
    void this.send();
  }

  /** The server is still away: open the connection again later, with backoff. */
  private tryLater(): void {
    if (this.stopped) return;
    this.retry = setTimeout(() => void this.reconnect(), this.retryDelay);
    this.retryDelay = Math.min(LONGEST_RETRY_MS, this.retryDelay * 2);
  }

  private async reconnect(): Promise<void> {
    try {
      const db = await TeamDatabase.open(this.options.url);
      if (this.stopped) return void db.close();
      if (db.teamId !== this.options.copy.teamId) {
        await db.close();
        return this.update({
          reason:
            `${this.current.server} now holds a different team library than the one this copy was made ` +
            'from: this copy is kept as it was and nothing is sent. Connect again to start a copy of the new one.',
        });
      }
      this.db = db;
      rememberRole(this.options.copy.dir, db.role);
      this.update({ role: db.role });
      await this.listen(db);
    } catch (error) {
      this.update({ connection: 'offline', reason: messageOf(error) });
      this.tryLater();
    }
  }

  /**
   * A newer Swatchbook brought the team's schema forward while this one was connected (two app
   * versions at once): this one stops sending and reading, keeps its copy and its changes, and says
   * to update.
   */
  private async outdated(): Promise<boolean> {
    if (this.newerSchema) return true;
    const found = await this.db!.schemaVersion();
    if (found <= TEAM_SCHEMA_VERSION) return false;
    this.newerSchema = new TeamSchemaNewerError(found, TEAM_SCHEMA_VERSION).message;
    this.update({ connection: 'offline', reason: `${this.newerSchema} Changes made here are kept until then.` });
    return true;
  }

  private contact(): void {
    if (this.newerSchema) return;
    // Online, the reason is only what the server refused (kept until the app restarts).
    this.update({ connection: 'online', reason: this.refusals, lastContactAt: Date.now() });
  }

  private lost(error: unknown): void {
    this.update({ connection: 'offline', reason: messageOf(error) });
  }

  /** Said to listeners when anything but the time of last contact changed. */
  private update(patch: Partial<TeamStatus>): void {
    const next = { ...this.current, ...patch };
    const keys = Object.keys(patch) as (keyof TeamStatus)[];
    const changed = keys.some((k) => k !== 'lastContactAt' && next[k] !== this.current[k]);
    this.current = next;
    if (changed) this.emit('status', this.status);
  }
}

/** This copy's name in the team's log (its own changes are skipped when read back), made once. */
function originOf(dir: string): string {
  const file = path.join(dir, ORIGIN_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const origin = randomUUID();
  writeFileSync(file, `${origin}\n`);
  return origin;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import type { ApiEvent, LibraryOpening, OpeningProgress } from '../../shared/api';
import type { BridgeCallResult } from '../../shared/api/bridge';
import { StageRate } from '../jobs';
import type { StoreOpenProgress } from '../store';
import type { ApiHost } from './api-host';
import { settleApiCall } from './dispatch';
import { LatestOnly } from './latest-only';
import type { MediaSources } from './media-resolver';

type Listener = (event: ApiEvent) => void;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Opens the engine and builds its host, telling `onStoreProgress` how far reading the library has got. */
export type OpenApiHost = (onStoreProgress: (progress: StoreOpenProgress) => void) => Promise<ApiHost>;

/** The store reports every MB or shard; the page needs a few updates a second. */
const DEFAULT_PROGRESS_INTERVAL_MS = 250;

/**
 * What a transport mounts while a large library takes seconds to open, so the window can show
 * at once: calls wait for the engine (or fail with the reason it could not open), the opening's
 * progress, with rate and ETA, goes to every subscriber, and the engine's own events follow.
 */
export class OpeningHost {
  /** The host once the library is open; rejects with the reason it could not be opened. */
  readonly ready: Promise<ApiHost>;
  private host: ApiHost | null = null;
  private current: LibraryOpening = { state: 'opening', progress: null };
  private readonly listeners = new Set<Listener>();
  private readonly progress: LatestOnly<LibraryOpening>;
  private readonly rate = new StageRate();

  constructor(open: OpenApiHost, progressIntervalMs = DEFAULT_PROGRESS_INTERVAL_MS) {
    this.progress = new LatestOnly(progressIntervalMs, (opening) => this.emit({ type: 'libraryOpening', opening }));
    this.ready = open((progress) => this.onStoreProgress(progress)).then(
      (host) => {
        this.host = host;
        host.events.subscribe((event) => this.emit(event));
        this.settle({ state: 'ready' });
        return host;
      },
      (error: unknown) => {
        this.settle({ state: 'failed', error: messageOf(error) });
        throw error;
      },
    );
    // Callers that care attach their own handler; an unobserved failure is already in `current`.
    this.ready.catch(() => undefined);
  }

  /** Null until the engine exists: nothing is served from the library before then. */
  get media(): MediaSources | null {
    return this.host?.media ?? null;
  }

  /** Never rejects. Only `libraryOpening` is answered before the engine exists; everything else waits for it. */
  async call(method: string, input: unknown): Promise<BridgeCallResult> {
    if (this.host) return this.host.call(method, input);
    if (method === 'libraryOpening') return settleApiCall({ libraryOpening: async () => this.current }, method, input);
    try {
      return await (await this.ready).call(method, input);
    } catch (error) {
      // Only opening rejects here (a host's call never does): every waiting call fails with its reason.
      return { ok: false, status: 500, error: messageOf(error) };
    }
  }

  isKnownLocation(filePath: string): boolean {
    return this.host?.isKnownLocation(filePath) ?? false;
  }

  /** The listener hears where opening stands at once, then every change, then the engine's events. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.deliver(listener, { type: 'libraryOpening', opening: this.current });
    return () => this.listeners.delete(listener);
  }

  /** Waits for opening to end (a store half-opened still holds its lock), then closes the engine. */
  async close(): Promise<void> {
    const host = await this.ready.catch(() => null);
    this.listeners.clear();
    await host?.close();
  }

  private onStoreProgress(progress: StoreOpenProgress): void {
    if (this.current.state !== 'opening') return;
    const { stage, done, total, unit } = progress;
    const measured: OpeningProgress = { stage, done, total, unit, ...this.rate.measure(progress) };
    this.current = { state: 'opening', progress: measured };
    this.progress.push(this.current);
  }

  private settle(opening: LibraryOpening): void {
    this.progress.close();
    this.current = opening;
    this.emit({ type: 'libraryOpening', opening });
  }

  private emit(event: ApiEvent): void {
    for (const listener of this.listeners) this.deliver(listener, event);
  }

  private deliver(listener: Listener, event: ApiEvent): void {
    try {
      listener(event);
    } catch {
      // One broken transport (a destroyed window, a closed socket) must not starve the others.
    }
  }
}

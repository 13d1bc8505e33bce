import path from 'node:path';
import type { ApiMethod, SwatchbookApi } from '../../shared/api';
import type { BridgeCallResult } from '../../shared/api/bridge';
import type { Engine } from '../engine';
import { settleApiCall } from './dispatch';
import { createSwatchbookApi } from './swatchbook-api';
import { ApiEventFeed, type ApiEventTiming } from './api-events';
import type { MediaSources } from './media-resolver';

/** Calls after which the folder list (or a folder's state) may have changed. */
const FOLDER_METHODS: ReadonlySet<ApiMethod> = new Set([
  'addFolder',
  'removeFolder',
  'rescanFolder',
  'openDemoLibrary',
]);

/**
 * Everything a transport (Electron IPC or browser-mode HTTP) mounts: the one API
 * implementation behind the validating boundary, the live event feed and the media sources.
 */
export class ApiHost {
  readonly api: SwatchbookApi;
  readonly events: ApiEventFeed;
  readonly media: MediaSources;

  constructor(
    readonly engine: Engine,
    timing: Partial<ApiEventTiming> = {},
  ) {
    const { library, store } = engine;
    this.api = createSwatchbookApi(engine);
    this.events = new ApiEventFeed(engine, timing);
    this.media = {
      cacheDir: library.cacheDir,
      roots: () => library.folders().map((folder) => folder.path),
      locations: (hash) => store.getAsset(hash)?.locations.map((location) => location.path) ?? [],
      pixelLimit: library.pixelLimit,
    };
  }

  /** Never rejects (see settleApiCall); a call that changed the folders says so on the event feed. */
  async call(method: string, input: unknown): Promise<BridgeCallResult> {
    const result = await settleApiCall(this.api, method, input);
    if (result.ok && FOLDER_METHODS.has(method as ApiMethod)) this.events.foldersChanged();
    return result;
  }

  /** Only files the library has ingested (or its folders) may be revealed in the file manager. */
  isKnownLocation(filePath: string): boolean {
    const resolved = path.resolve(filePath);
    const { store, library } = this.engine;
    return Boolean(store.getFile(resolved)?.hash) || library.folders().some((f) => f.path === resolved);
  }

  /** Stops events, then closes the engine with everything written to disk. */
  async close(): Promise<void> {
    this.events.close();
    await this.engine.close();
  }
}

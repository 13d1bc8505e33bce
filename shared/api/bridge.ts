import type { ApiEvent } from './contract';

/** What the Electron preload puts on `window.swatchbook`; absent in browser mode. */
export const MEDIA_KINDS = ['thumb', 'preview', 'original'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
/** Long edge, in pixels, of the cached images: the grid picks one by the pixels a cell needs. */
export const MEDIA_EDGES = { thumb: 256, preview: 512 } as const;

/** IPC channel names shared by electron/main and electron/preload. */
export const BRIDGE_CHANNELS = {
  call: 'swatchbook:call',
  event: 'swatchbook:event',
  pickFolder: 'swatchbook:pick-folder',
  showInFolder: 'swatchbook:show-in-folder',
} as const;

/** Calls come back as a result object so the renderer sees the engine's message, not Electron's IPC wrapper. */
export type BridgeCallResult =
  { ok: true; value: unknown } | { ok: false; status: 400 | 403 | 404 | 409 | 500 | 502 | 503; error: string };

export interface SwatchbookDesktop {
  /** Native folder picker; null when cancelled. */
  pickFolder(): Promise<string | null>;
  /** Reveals a file in the OS file manager; only paths that are known asset locations. */
  showInFolder(path: string): Promise<void>;
  /** The filesystem path of a dropped File (Electron's webUtils.getPathForFile); '' if it has none. */
  pathForFile(file: File): string;
}

export interface SwatchbookBridge {
  /** Rejects with an Error whose message is the engine's (invalid input, unknown method, failure). */
  call(method: string, input: unknown): Promise<unknown>;
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** `swatchbook-media://<kind>/<hash>`; browser mode uses `/media/<kind>/<hash>` instead. */
  mediaUrl(kind: MediaKind, hash: string): string;
  desktop: SwatchbookDesktop;
}

declare global {
  interface Window {
    swatchbook?: SwatchbookBridge;
  }
}

import { ApiEvent, type ApiMethod } from '../../shared/api';
import type { MediaKind, SwatchbookBridge, SwatchbookDesktop } from '../../shared/api/bridge';

/** How calls, events and image URLs reach the engine; components never see which one. */
export interface Transport {
  call(method: ApiMethod, input: unknown): Promise<unknown>;
  subscribe(listener: (event: ApiEvent) => void, onReconnect: () => void): () => void;
  mediaUrl(kind: MediaKind, hash: string): string;
  desktop: SwatchbookDesktop | null;
}

export class ApiError extends Error {
  constructor(
    readonly method: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

function electronTransport(bridge: SwatchbookBridge): Transport {
  return {
    call: (method, input) => bridge.call(method, input),
    // IPC does not drop events, so there is nothing to resynchronise on.
    subscribe: (listener) => bridge.onEvent(listener),
    mediaUrl: (kind, hash) => bridge.mediaUrl(kind, hash),
    desktop: bridge.desktop,
  };
}

async function postJson(method: ApiMethod, input: unknown): Promise<unknown> {
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const reason = (body as { error?: unknown } | null)?.error;
    throw new ApiError(method, typeof reason === 'string' ? reason : `HTTP ${response.status}`, response.status);
  }
  return body;
}

function httpTransport(): Transport {
  return {
    call: postJson,
    subscribe(listener, onReconnect) {
      const source = new EventSource('/api/events', { withCredentials: true });
      let dropped = false;
      source.onmessage = (message) => {
        const parsed = ApiEvent.safeParse(JSON.parse(message.data as string));
        if (parsed.success) listener(parsed.data);
      };
      // EventSource reconnects by itself; events sent while it was down are lost, so refetch.
      source.onerror = () => {
        dropped = true;
      };
      source.onopen = () => {
        if (dropped) onReconnect();
        dropped = false;
      };
      return () => source.close();
    },
    mediaUrl: (kind, hash) => `/media/${kind}/${hash}`,
    desktop: null,
  };
}

export function detectTransport(): Transport {
  const bridge = window.swatchbook;
  return bridge ? electronTransport(bridge) : httpTransport();
}

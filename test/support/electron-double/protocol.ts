import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { app } from './app';
import { canonicalUrl, privilegedSchemes } from './schemes';
import { session } from './session';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

const handlers = new Map<string, ProtocolHandler>();
let privilegesRegistered = false;

export const protocol = {
  /** Electron's docs: only before `ready`, and only once. */
  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    if (privilegesRegistered) throw new Error('protocol.registerSchemesAsPrivileged can be called only once');
    privilegesRegistered = true;
    for (const { scheme, privileges } of customSchemes) privilegedSchemes.set(scheme, { ...privileges });
  },
  /** Goes through the default session, as Electron's does, so it too needs the app ready. */
  handle(scheme: string, handler: ProtocolHandler): void {
    void session.defaultSession;
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    void session.defaultSession;
    handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return handlers.has(scheme);
  },
};

/**
 * A load of `url` through its registered handler, as Chromium makes it: the handler gets a
 * Request for the canonical URL; a throw or a non-Response fails the load (net::ERR_UNEXPECTED).
 */
async function requestThroughHandler(url: string, init?: RequestInit): Promise<Response> {
  let canonical: string;
  try {
    canonical = canonicalUrl(url);
  } catch {
    throw new TypeError('net::ERR_INVALID_URL');
  }
  const handler = handlers.get(new URL(canonical).protocol.slice(0, -1));
  if (!handler) throw new TypeError('net::ERR_UNKNOWN_URL_SCHEME');
  let response: unknown;
  try {
    response = await handler(new Request(canonical, init));
  } catch (error) {
    throw new TypeError('net::ERR_UNEXPECTED', { cause: error });
  }
  if (!(response instanceof Response)) throw new TypeError('net::ERR_UNEXPECTED');
  if (response.type === 'error') throw new TypeError('net::ERR_FAILED');
  return response;
}

/** Chromium reads file: URLs itself; Node's fetch cannot, so the double reads the file. */
async function fetchFile(url: string): Promise<Response> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(fileURLToPath(url));
  } catch {
    throw new TypeError('net::ERR_FILE_NOT_FOUND');
  }
  return new Response(new Uint8Array(bytes), { status: 200 });
}

export const net = {
  /** Custom protocols (unless bypassed) and file: as Chromium serves them; http(s) through Node's fetch. */
  async fetch(input: string | Request, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }) {
    if (!app.isReady()) throw new Error('net.fetch() can only be used after app is ready');
    const url = typeof input === 'string' ? input : input.url;
    const scheme = new URL(url).protocol.slice(0, -1);
    if (handlers.has(scheme) && !init?.bypassCustomProtocolHandlers) return requestThroughHandler(url, init);
    if (scheme === 'file') return fetchFile(url);
    if (scheme === 'http' || scheme === 'https') return fetch(input, init);
    throw new TypeError('net::ERR_UNKNOWN_URL_SCHEME');
  },
};

/** The page's side of custom protocols, and what the shell registered. */
export const protocolDouble = {
  /** An image, script or page load of `url` by the page. */
  request: requestThroughHandler,
  privileges: (scheme: string): Electron.Privileges | undefined => privilegedSchemes.get(scheme),
  handles: (scheme: string): boolean => handlers.has(scheme),
};

import { APP_CSP } from '../api';

export const APP_SCHEME = 'swatchbook';
export const MEDIA_SCHEME = 'swatchbook-media';
export const APP_HOST = 'app';
/** The built renderer is served from this origin, never from file://, so it can be fenced in by scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Set by `electron-vite dev`: the renderer then comes from Vite's dev server. */
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const devServerOrigin = devServerUrl === undefined ? null : new URL(devServerUrl).origin;

export const isDev = Boolean(devServerUrl);

export function appEntryUrl(): string {
  return devServerUrl ?? `${APP_ORIGIN}/index.html`;
}

/**
 * True only for pages of the app itself; IPC and navigation are refused for anything else.
 * A custom scheme's WHATWG origin is the opaque "null" (as are file: and data: URLs'), so the
 * app's own URLs are recognised by scheme and host, and only a real origin is compared.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  return devServerOrigin !== null && devServerOrigin !== 'null' && parsed.origin === devServerOrigin;
}

/**
 * Browser mode's policy, plus thumbnails from the media scheme. The dev server additionally
 * needs React Refresh's inline preamble, its HMR socket and the style elements it injects CSS with.
 */
export function appCsp(): string {
  const csp = APP_CSP.replace("img-src 'self'", `img-src 'self' ${MEDIA_SCHEME}:`).replace(
    "connect-src 'self'",
    `connect-src 'self' ${MEDIA_SCHEME}:`,
  );
  if (!isDev) return csp;
  return csp
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", "connect-src 'self' ws:");
}

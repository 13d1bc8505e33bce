import { APP_CSP } from '../server';

export const APP_SCHEME = 'swatchbook';
export const MEDIA_SCHEME = 'swatchbook-media';
/** The built renderer is served from this origin, never from file://, so it can be fenced in by scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Set by `electron-vite dev`: the renderer then comes from Vite's dev server. */
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

export const isDev = Boolean(devServerUrl);

export function appEntryUrl(): string {
  return devServerUrl ?? `${APP_ORIGIN}/index.html`;
}

/** True only for pages of the app itself; IPC and navigation are refused for anything else. */
export function isAppUrl(url: string): boolean {
  try {
    const origin = new URL(url).origin;
    return origin === APP_ORIGIN || (devServerUrl !== undefined && origin === new URL(devServerUrl).origin);
  } catch {
    return false;
  }
}

/**
 * Browser mode's policy, plus thumbnails from the media scheme; the dev server additionally
 * needs React Refresh's inline preamble and its HMR socket.
 */
export function appCsp(): string {
  const csp = APP_CSP.replace("img-src 'self'", `img-src 'self' ${MEDIA_SCHEME}:`).replace(
    "connect-src 'self'",
    `connect-src 'self' ${MEDIA_SCHEME}:`,
  );
  return isDev ? csp.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:") : csp;
}

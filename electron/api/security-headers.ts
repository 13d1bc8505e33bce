import type { ResolvedMedia } from './media-resolver';

/**
 * The app page policy: everything from our own origin, no inline script or style element, no framing.
 * React's `style` props are set through the CSSOM, which style-src does not govern.
 */
export const APP_CSP =
  "default-src 'self'; img-src 'self' data: blob:; media-src 'self' data: blob:; style-src 'self'; script-src 'self'; " +
  "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Originals may be SVG: opened directly they must not run script in our origin. */
export const MEDIA_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function mediaHeaders(media: ResolvedMedia): Record<string, string> {
  return {
    ...COMMON_HEADERS,
    'Content-Type': media.contentType,
    'Content-Security-Policy': MEDIA_CSP,
    // Originals can change under the same hash's path (edited file); thumbnails cannot.
    'Cache-Control': media.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}

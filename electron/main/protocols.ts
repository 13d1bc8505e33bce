import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import {
  mediaHeaders,
  parseMediaRequest,
  resolveMedia,
  resolveStaticFile,
  COMMON_HEADERS,
  type OpeningHost,
} from '../api';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, MEDIA_SCHEME, appCsp } from './app-urls';

/** Must run before app `ready`: standard + secure makes both schemes behave like https origins. */
export function registerSchemes(): void {
  const privileges = { standard: true, secure: true, supportFetchAPI: true };
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges },
    { scheme: MEDIA_SCHEME, privileges },
  ]);
}

/**
 * Serves the built renderer and the media; both resolve paths with the Node-tested server modules.
 * The renderer is served at once; media only once the library is open (until then there are no roots to check).
 */
export function handleProtocols(host: OpeningHost, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return text(404, 'not found');
    const file = await resolveStaticFile(rendererDir, rawPath(request.url, APP_ORIGIN));
    if (file === 'bad') return text(400, 'bad path');
    if (file === 'missing') return text(404, 'not found');
    const headers = { ...COMMON_HEADERS, 'Content-Type': file.contentType, 'Content-Security-Policy': appCsp() };
    return withHeaders(await net.fetch(pathToFileURL(file.path).href), headers);
  });

  protocol.handle(MEDIA_SCHEME, async (request) => {
    const sources = host.media;
    if (!sources) return text(503, 'the library is still opening');
    // swatchbook-media://<kind>/<hash>: the "host" is the kind.
    const media = parseMediaRequest(rawPath(request.url, `${MEDIA_SCHEME}://`));
    const resolved = media && (await resolveMedia(sources, media));
    if (!resolved) return text(media ? 404 : 400, media ? 'not found' : 'bad media URL');
    return withHeaders(await net.fetch(pathToFileURL(resolved.path).href), mediaHeaders(resolved));
  });
}

/** The path as requested, before any URL normalisation, without query or fragment. */
function rawPath(url: string, prefix: string): string {
  return url.slice(prefix.length).split(/[?#]/)[0];
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  return new Response(response.body, { status: response.status, headers });
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

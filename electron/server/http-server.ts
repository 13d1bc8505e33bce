import fs from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { openEventStream } from './event-stream';
import { accessFor, checkRequest, newToken, tokenCookie, type Access } from './request-guard';
import { BodyTooLargeError, declaresTooLarge, readBody } from './request-body';
import { sendRestartPage, wantsPage } from './restart-page';
import {
  APP_CSP,
  COMMON_HEADERS,
  mediaHeaders,
  parseMediaRequest,
  resolveMedia,
  resolveStaticFile,
  type ApiHost,
} from '../api';

export interface ServerOptions {
  host: ApiHost;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 or omitted: any free port. */
  port?: number;
  /** Default 127.0.0.1; anything else exposes the library to the network. */
  bindHost?: string;
  token?: string;
  heartbeatMs?: number;
}

export interface SwatchbookServer {
  readonly server: http.Server;
  readonly port: number;
  readonly token: string;
  /** The URL to open: it carries the token, which the first visit trades for a cookie. */
  readonly url: string;
  close(): Promise<void>;
}

/** Browser mode: the same API, events and media as the Electron shell, over HTTP on loopback. */
export async function startServer(options: ServerOptions): Promise<SwatchbookServer> {
  const token = options.token ?? newToken();
  const bindHost = options.bindHost ?? '127.0.0.1';
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // The allowed Host headers and the cookie name depend on the port, known only now. This runs in
  // the same turn as 'listening', before any connection is read, so no request goes unanswered.
  const routes: Routes = {
    host: options.host,
    rendererDir: options.rendererDir,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    access: accessFor(token, port, bindHost),
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(routes, req, res).catch((error: unknown) => {
      console.error('swatchbook: request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  const anyInterface = bindHost === '0.0.0.0' || bindHost === '::';
  const shownHost = anyInterface ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  return {
    server,
    port,
    token,
    url: `http://${shownHost}:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Routes {
  host: ApiHost;
  rendererDir: string;
  heartbeatMs: number;
  access: Access;
}

async function handle(routes: Routes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = req.url ?? '';
  if (!raw.startsWith('/')) return sendJson(res, 400, { error: 'bad request target' });
  const queryAt = raw.indexOf('?');
  // Route on the raw path: WHATWG URL parsing would quietly resolve `..` and `%2e%2e`.
  const rawPath = queryAt < 0 ? raw : raw.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1));
  const verdict = checkRequest(req, query, routes.access);
  const method = req.method ?? 'GET';
  if (!verdict.ok && verdict.status === 401 && wantsPage(req, rawPath)) return sendRestartPage(res, method);
  if (!verdict.ok) return sendJson(res, verdict.status, { error: verdict.reason });

  if (rawPath === '/api/events' && method === 'GET') {
    const initial = [{ type: 'progress' as const, progress: routes.host.engine.library.progress() }];
    return openEventStream(req, res, routes.host.events, initial, routes.heartbeatMs);
  }
  if (rawPath.startsWith('/api/')) {
    if (method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { Allow: 'POST' });
    return callApi(routes.host, rawPath.slice('/api/'.length), req, res);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
  }
  if (rawPath.startsWith('/media/')) return serveMedia(routes.host, rawPath.slice('/media/'.length), res, method);
  if (verdict.tokenFromQuery) {
    query.delete('token');
    const rest = query.toString();
    // `//host` in Location would be a protocol-relative redirect off the server.
    const target = /^\/[/\\]/.test(rawPath) ? '/' : rawPath;
    const cookie = tokenCookie(routes.access);
    res.writeHead(302, { ...COMMON_HEADERS, 'Set-Cookie': cookie, Location: target + (rest ? `?${rest}` : '') });
    return void res.end();
  }
  return serveStatic(routes.rendererDir, rawPath, res, method);
}

async function callApi(host: ApiHost, name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  // A JSON content type cannot be sent cross-origin without a CORS preflight, which we never answer.
  if (contentType !== 'application/json') return sendJson(res, 415, { error: 'Content-Type must be application/json' });
  if (declaresTooLarge(req)) return refuseTooLarge(res, new BodyTooLargeError());
  let body: string;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refuseTooLarge(res, error);
    return sendJson(res, 400, { error: 'request body could not be read' });
  }
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body) : undefined;
  } catch {
    return sendJson(res, 400, { error: 'body is not valid JSON' });
  }
  const result = await host.call(name, input);
  if (result.ok) sendJson(res, 200, result.value);
  else sendJson(res, result.status, { error: result.error });
}

async function serveMedia(host: ApiHost, rawRequest: string, res: ServerResponse, method: string): Promise<void> {
  const request = parseMediaRequest(rawRequest);
  if (!request) return sendJson(res, 400, { error: 'expected /media/<thumb|preview|original>/<sha-256 hex>' });
  const media = await resolveMedia(host.media, request);
  if (!media) return sendJson(res, 404, { error: 'not found' });
  await sendFile(res, media.path, mediaHeaders(media), method);
}

async function serveStatic(rendererDir: string, rawPath: string, res: ServerResponse, method: string): Promise<void> {
  const file = await resolveStaticFile(rendererDir, rawPath);
  if (file === 'bad') return sendJson(res, 400, { error: 'bad path' });
  if (file === 'missing') {
    const notBuilt = rawPath === '/' || !rawPath.includes('.');
    const message = notBuilt ? 'The app is not built yet: run `npm run build`.' : 'not found';
    res.writeHead(notBuilt ? 503 : 404, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end(message);
  }
  await sendFile(
    res,
    file.path,
    {
      ...COMMON_HEADERS,
      'Content-Type': file.contentType,
      'Content-Security-Policy': APP_CSP,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
    method,
  );
}

/** Streams from an open handle, so the file checked is the file sent. */
async function sendFile(
  res: ServerResponse,
  filePath: string,
  headers: Record<string, string>,
  method: string,
): Promise<void> {
  const handle = await fs.open(filePath, 'r');
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    throw error;
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(size) });
  if (method === 'HEAD') {
    await handle.close();
    return void res.end();
  }
  // The stream closes the handle; a client that goes away mid-file is not an error.
  await pipeline(handle.createReadStream(), res).catch(() => undefined);
}

/** The rest of the body is never read: the answer goes out, then the connection closes. */
function refuseTooLarge(res: ServerResponse, error: BodyTooLargeError): void {
  sendJson(res, 413, { error: error.message }, { Connection: 'close' });
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(json)),
  });
  res.end(json);
}

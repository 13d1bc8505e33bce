/**
 * The two listeners: cleartext HTTP/2 for the runtime (the SDK's NodeHttp2Handler connects
 * with prior knowledge to an http:// endpoint) and HTTP/1.1 for the control plane
 * (NodeHttpHandler). Both only on 127.0.0.1, both closable while calls hang.
 */
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { IncomingCall, Reply } from './wire';

export type CallHandler = (call: IncomingCall, reply: Reply) => void;

export interface LoopbackServer {
  endpoint: string;
  close(): Promise<void>;
}

const ignore = () => {};

async function collect(body: AsyncIterable<Buffer>): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of body) chunks.push(chunk);
  } catch {
    return undefined; // the client went away while sending
  }
  return Buffer.concat(chunks);
}

function plainHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(':') || value === undefined) continue; // HTTP/2 pseudo-headers
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function listen(server: http.Server | http2.Http2Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function listenHttp2(handle: CallHandler): Promise<LoopbackServer> {
  const sessions = new Set<http2.ServerHttp2Session>();
  const server = http2.createServer();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('error', ignore); // a client that vanishes mid-call is a case under test, not a failure
    session.on('close', () => sessions.delete(session));
  });
  server.on('request', async (req, res) => {
    req.stream.on('error', ignore);
    const body = await collect(req);
    if (!body) return;
    handle(
      { method: req.method, url: req.url, headers: plainHeaders(req.headers), body, httpVersion: req.httpVersion },
      {
        send({ status, headers, body }) {
          if (res.stream.destroyed) return;
          res.writeHead(status, headers);
          res.end(body);
        },
        open(status, headers) {
          if (res.stream.destroyed) return null;
          res.writeHead(status, headers);
          return { write: (bytes) => !res.stream.destroyed && res.write(bytes), end: () => res.end() };
        },
        drop(mode) {
          if (mode === 'reset') req.stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
          else req.stream.session?.destroy();
        },
        get gone() {
          return res.stream.destroyed;
        },
      },
    );
  });
  const endpoint = await listen(server);
  return {
    endpoint,
    close: () =>
      new Promise<void>((resolve) => {
        // server.close() waits for every session to end, and hung calls never would.
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
      }),
  };
}

export async function listenHttp1(handle: CallHandler): Promise<LoopbackServer> {
  const server = http.createServer(async (req, res) => {
    req.on('error', ignore);
    const body = await collect(req);
    if (!body) return;
    handle(
      {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: plainHeaders(req.headers),
        body,
        httpVersion: req.httpVersion,
      },
      {
        send({ status, headers, body }) {
          if (res.destroyed) return;
          res.writeHead(status, headers);
          res.end(body);
        },
        open(status, headers) {
          if (res.destroyed) return null;
          res.writeHead(status, headers);
          return { write: (bytes) => !res.destroyed && res.write(bytes), end: () => res.end() };
        },
        drop: () => req.socket.destroy(), // HTTP/1.1 has no stream to reset: both modes drop the socket
        get gone() {
          return res.destroyed;
        },
      },
    );
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  const endpoint = await listen(server);
  return {
    endpoint,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

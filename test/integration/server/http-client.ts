import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/**
 * A request with exactly the given path and headers: fetch would normalise `..` away and
 * refuses to set Host, Origin or Sec-Fetch-* itself, which are what these tests are about.
 */
export function request(
  port: number,
  method: string,
  rawPath: string,
  headers: Record<string, string> = {},
  body?: string | Buffer[],
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: rawPath, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const all = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text: all.toString('utf8') });
        });
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error(`timed out: ${method} ${rawPath}`)));
    req.on('error', reject);
    if (Array.isArray(body)) void streamBody(req, body);
    else req.end(body);
  });
}

/** Chunks sent one after another with no Content-Length (chunked), as a client streaming an upload does. */
async function streamBody(req: http.ClientRequest, chunks: Buffer[]): Promise<void> {
  for (const chunk of chunks) {
    if (req.destroyed) return;
    if (!req.write(chunk)) await new Promise((resolve) => req.once('drain', resolve));
  }
  req.end();
}

/** Reads `data:` events from an SSE stream until `done` says stop (or the timeout passes). */
export function collectEvents(
  port: number,
  headers: Record<string, string>,
  done: (events: unknown[]) => boolean,
  timeoutMs = 30_000,
): { opened: Promise<http.IncomingMessage>; finished: Promise<{ events: unknown[]; raw: string }> } {
  let open!: (res: http.IncomingMessage) => void;
  const opened = new Promise<http.IncomingMessage>((resolve) => (open = resolve));
  const finished = new Promise<{ events: unknown[]; raw: string }>((resolve, reject) => {
    const events: unknown[] = [];
    let raw = '';
    const req = http.get(
      { host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        open(res);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          raw += chunk;
          const blocks = raw.split('\n\n');
          events.length = 0;
          for (const block of blocks.slice(0, -1)) {
            if (block.startsWith('data: ')) events.push(JSON.parse(block.slice('data: '.length)));
          }
          if (done(events)) {
            clearTimeout(timer);
            req.destroy();
            resolve({ events: [...events], raw });
          }
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no matching events within ${timeoutMs} ms; got: ${raw.slice(0, 2000)}`));
    }, timeoutMs);
    req.on('error', reject);
  });
  return { opened, finished };
}

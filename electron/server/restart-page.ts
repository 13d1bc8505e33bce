import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_CSP, COMMON_HEADERS } from '../api';

/**
 * The usual way to meet a refused token: the tab was opened from an earlier run's URL, and each
 * run makes a new token. A person should read what to do, not raw JSON. Plain HTML, no script.
 */
const PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Swatchbook: open the new address</title>
<h1>Swatchbook was restarted</h1>
<p>This tab has the address of an earlier run, and each run has a new one.</p>
<p>Open the new URL printed in the terminal where Swatchbook runs
(the line that starts with “Swatchbook is running at”).</p>
<p>Not running? Start it with <code>npm start</code> or <code>npm run serve</code>.</p>
</html>
`;

/** A browser tab loading a page: an API call or an image gets the JSON answer instead. */
export function wantsPage(req: IncomingMessage, rawPath: string): boolean {
  const method = req.method ?? 'GET';
  if ((method !== 'GET' && method !== 'HEAD') || rawPath.startsWith('/api/')) return false;
  return (req.headers.accept ?? '').toLowerCase().includes('text/html');
}

export function sendRestartPage(res: ServerResponse, method: string): void {
  res.writeHead(401, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': APP_CSP,
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(PAGE)),
  });
  res.end(method === 'HEAD' ? undefined : PAGE);
}

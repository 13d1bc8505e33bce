import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiEvent, apiContract } from '../../../shared/api';
import { Engine } from '../../../electron/engine';
import { ApiHost } from '../../../electron/api';
import { startServer, type SwatchbookServer } from '../../../electron/server';
import { makeChecks, makeDots, makeStripes } from '../../support/images';
import { collectEvents, request } from './http-client';

const TOKEN = 'test-token-0123456789abcdefghijklmnop';
const CSP =
  "default-src 'self'; img-src 'self' data: blob:; media-src 'self' data: blob:; style-src 'self'; script-src 'self'; " +
  "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

let tmp: string;
let lib: string;
let secret: Buffer;
let host: ApiHost;
let server: SwatchbookServer;
let port: number;
const cookie = () => `swatchbook_token_${port}`;
const auth = () => ({ Cookie: `${cookie()}=${TOKEN}` });
const json = (extra: Record<string, string> = {}) => ({ ...auth(), 'Content-Type': 'application/json', ...extra });
const call = (method: string, input: unknown, headers = json()) =>
  request(port, 'POST', `/api/${method}`, headers, JSON.stringify(input));

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'swatchbook-server-')));
  lib = path.join(tmp, 'library');
  const outside = path.join(tmp, 'outside');
  const renderer = path.join(tmp, 'renderer');
  await Promise.all([lib, outside, path.join(renderer, 'assets')].map((dir) => fs.mkdir(dir, { recursive: true })));
  const size = { width: 96, height: 96 };
  await fs.writeFile(
    path.join(lib, 'stripes.png'),
    await makeStripes({ ...size, period: 16, orientation: 'vertical', colours: ['#1b2a4a', '#ffffff'] }),
  );
  await fs.writeFile(
    path.join(lib, 'checks.png'),
    await makeChecks({ ...size, period: 24, colours: ['#d21f1f', '#ffffff'] }),
  );
  await fs.writeFile(
    path.join(lib, 'dots.png'),
    await makeDots({ ...size, spacing: 24, radius: 5, colours: ['#000000', '#f7e11e'] }),
  );
  secret = await makeChecks({ ...size, period: 32, colours: ['#008080', '#e1ad01'] });
  await fs.writeFile(path.join(outside, 'secret.png'), secret);
  // A link that leaves the library: neither ingested (no thumbnail, never sent to a model) nor served.
  await fs.symlink(path.join(outside, 'secret.png'), path.join(lib, 'escape.png'));
  await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Swatchbook</title>');
  await fs.writeFile(path.join(renderer, 'assets', 'index-abc123.js'), 'console.log(1)');

  const library = await Engine.open({ dataDir: path.join(tmp, 'data'), watch: true, concurrency: 2 });
  host = new ApiHost(library, { progressIntervalMs: 50, changeBatchMs: 50 });
  server = await startServer({ host, rendererDir: renderer, port: 0, token: TOKEN });
  port = server.port;
});

afterAll(async () => {
  await server?.close();
  await host?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('browser-mode server: who may talk to it', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(server.url).toBe(`http://127.0.0.1:${port}/?token=${TOKEN}`);
  });

  it('refuses every kind of request without the token, or with a wrong one', async () => {
    for (const [method, target] of [
      ['GET', '/'],
      ['GET', '/assets/index-abc123.js'],
      ['POST', '/api/libraryStatus'],
      ['GET', '/api/events'],
      ['GET', `/media/thumb/${'a'.repeat(64)}`],
    ]) {
      expect((await request(port, method, target, { 'Content-Type': 'application/json' })).status, target).toBe(401);
    }
    expect((await request(port, 'GET', '/?token=wrong')).status).toBe(401);
    expect((await request(port, 'GET', '/', { Cookie: `${cookie()}=wrong` })).status).toBe(401);
    expect((await request(port, 'GET', '/', { Cookie: `${cookie()}=${TOKEN}x` })).status).toBe(401);
    expect((await request(port, 'GET', '/', { Cookie: `swatchbook_token=${TOKEN}` })).status).toBe(401);
    expect((await call('libraryStatus', {}, { 'Content-Type': 'application/json', Cookie: 'other=1' })).status).toBe(
      401,
    );
  });

  it('tells a browser tab with an old token, in a small page, to open the new URL; API calls keep JSON', async () => {
    const page = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    for (const headers of [{ ...page, Cookie: `${cookie()}=from-an-earlier-run` }, page]) {
      for (const target of ['/', '/library?view=grid', '/?token=from-an-earlier-run']) {
        const res = await request(port, 'GET', target, headers);
        expect(res.status, target).toBe(401);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['content-security-policy']).toBe(CSP);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.text).toMatch(/restarted/);
        expect(res.text).toMatch(/open the new URL printed in the terminal/i);
        expect(res.text).not.toMatch(/<script|<style|style=|on\w+=/i);
      }
    }
    const head = await request(port, 'HEAD', '/', page);
    expect([head.status, head.body.length]).toEqual([401, 0]);
    const api = await request(
      port,
      'POST',
      '/api/libraryStatus',
      { ...page, 'Content-Type': 'application/json' },
      '{}',
    );
    expect(api.status).toBe(401);
    expect(JSON.parse(api.text).error).toMatch(/token/);
    const events = await request(port, 'GET', '/api/events', page);
    expect([events.status, events.headers['content-type']]).toEqual([401, 'application/json; charset=utf-8']);
  });

  it('trades the token in the URL for an HttpOnly cookie and strips it from the address', async () => {
    const res = await request(port, 'GET', `/?token=${TOKEN}`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']).toEqual([`${cookie()}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`]);
    const page = await request(port, 'GET', '/', auth());
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Swatchbook</title>');
    expect((await request(port, 'GET', `/library?view=grid&token=${TOKEN}`)).headers.location).toBe(
      '/library?view=grid',
    );
    expect((await request(port, 'GET', `//evil.example/?token=${TOKEN}`)).headers.location).toBe('/');
  });

  it('refuses foreign origins, foreign Host headers (DNS rebinding) and cross-site fetches', async () => {
    const foreign: Record<string, string>[] = [
      { Origin: 'http://evil.example' },
      { Origin: `http://localhost:${port + 1}` },
      { Origin: 'null' },
      { Host: `evil.example:${port}` },
      { Host: `127.0.0.1:${port + 1}` },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const headers of foreign) {
      expect((await call('libraryStatus', {}, json(headers))).status, JSON.stringify(headers)).toBe(403);
      expect((await request(port, 'GET', '/', { ...auth(), ...headers })).status, JSON.stringify(headers)).toBe(403);
    }
    const own = { Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' };
    expect((await call('libraryStatus', {}, json(own))).status).toBe(200);
    expect(
      (await call('libraryStatus', {}, json({ Host: `localhost:${port}`, Origin: `http://localhost:${port}` }))).status,
    ).toBe(200);
  });

  it('requires a JSON content type for API calls (no CORS-simple requests)', async () => {
    expect(
      (await request(port, 'POST', '/api/libraryStatus', { ...auth(), 'Content-Type': 'text/plain' }, '{}')).status,
    ).toBe(415);
    expect((await request(port, 'POST', '/api/libraryStatus', auth(), '{}')).status).toBe(415);
    expect((await request(port, 'GET', '/api/libraryStatus', auth())).status).toBe(405);
  });
});

describe('browser-mode server: the API and live events', () => {
  it('answers API calls with contract-valid output', async () => {
    const res = await call('libraryStatus', {});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(apiContract.libraryStatus.output.parse(JSON.parse(res.text)).folders).toEqual([]);
  });

  it('reports invalid input as 400, unknown methods as 404, bad JSON as 400, with messages only', async () => {
    const invalid = await call('addFolder', { path: 42 });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.text).error).toMatch(/addFolder.*path/);
    const missing = await call('addFolder', { path: path.join(tmp, 'no-such-folder') });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text).error).toContain('folder not found');
    const unknown = await call('dropDatabase', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toEqual({ error: 'unknown API method: dropDatabase' });
    const broken = await request(port, 'POST', '/api/libraryStatus', json(), '{"nope');
    expect(broken.status).toBe(400);
    expect(broken.text).not.toMatch(/at .*\.ts/);
  });

  it('answers a body over 16 MB with 413 and a JSON error, whether its length is declared or not', async () => {
    const megabyte = Buffer.alloc(1024 * 1024, ' ');
    const declared = await call('libraryStatus', ' '.repeat(17 * 1024 * 1024));
    const streamed = await request(port, 'POST', '/api/libraryStatus', json(), Array(20).fill(megabyte));
    for (const res of [declared, streamed]) {
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.text)).toEqual({ error: 'request body too large: the limit is 16 MB' });
      expect(res.headers.connection).toBe('close');
    }
    expect((await call('libraryStatus', {})).status).toBe(200);
  });

  it('streams progress, folder and asset events over SSE while a folder is ingested', async () => {
    const files = ['checks.png', 'dots.png', 'stripes.png'].map((name) => path.join(lib, name));
    const changedPaths = (events: unknown[]) =>
      new Set(events.map((e) => ApiEvent.parse(e)).flatMap((e) => (e.type === 'assetsChanged' ? e.paths : [])));
    const stream = collectEvents(port, auth(), (events) => {
      const parsed = events.map((e) => ApiEvent.parse(e));
      const changed = changedPaths(events);
      return (
        // At least: the watcher may also report the link that leads outside, which ends as done too.
        parsed.some((e) => e.type === 'progress' && e.progress.done >= files.length) &&
        parsed.some((e) => e.type === 'foldersChanged') &&
        files.every((file) => changed.has(file))
      );
    });
    const res = await stream.opened;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const added = await call('addFolder', { path: lib });
    expect(JSON.parse(added.text)).toEqual({ queued: files.length, outside: 1 });
    const { raw } = await stream.finished;
    expect(raw.startsWith('retry: 3000\n\n')).toBe(true);
    await host.engine.library.idle();
  });
});

describe('browser-mode server: media and static files', () => {
  const hashOf = (file: string) => host.engine.store.getFile(path.join(lib, file))!.hash!;

  it('serves thumbnails and previews by hash, as immutable webp', async () => {
    for (const kind of ['thumb', 'preview']) {
      const res = await request(port, 'GET', `/media/${kind}/${hashOf('stripes.png')}`, auth());
      expect(res.status, kind).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await sharp(res.body).metadata()).format).toBe('webp');
    }
    const head = await request(port, 'HEAD', `/media/thumb/${hashOf('dots.png')}`, auth());
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect((await request(port, 'GET', `/media/thumb/${'0'.repeat(64)}`, auth())).status).toBe(404);
  });

  it('serves originals from inside the library, never through a link that leaves it', async () => {
    const original = await request(port, 'GET', `/media/original/${hashOf('checks.png')}`, auth());
    expect(original.status).toBe(200);
    expect(original.headers['content-type']).toBe('image/png');
    expect(original.headers['content-security-policy']).toContain('sandbox');
    expect(original.body.equals(await fs.readFile(path.join(lib, 'checks.png')))).toBe(true);
    expect(host.engine.store.getFile(path.join(lib, 'escape.png'))).toBeUndefined();
    const secretHash = createHash('sha256').update(secret).digest('hex');
    for (const kind of ['original', 'thumb', 'preview']) {
      const escaped = await request(port, 'GET', `/media/${kind}/${secretHash}`, auth());
      expect(escaped.status, kind).toBe(404);
      expect(escaped.body.includes(secret), kind).toBe(false);
    }
  });

  it('answers path tricks on any route with an error or the app page, never file contents', async () => {
    const index = (await request(port, 'GET', '/', auth())).text;
    const tricks = [
      '/media/../../etc/passwd',
      '/media/thumb/../../../../etc/passwd',
      '/media/%2e%2e/%2e%2e/etc/passwd',
      '/media/thumb/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/media/original//etc/passwd',
      '/media/original/%2Fetc%2Fpasswd',
      `/media/original/${hashOf('checks.png')}%00`,
      `/media/original/${hashOf('checks.png')}/../../secret.png`,
      '/media/original/..%2f..%2foutside%2fsecret.png',
      '/media/original/%00',
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/..%5c..%5cetc%5cpasswd',
      '/%00',
      `/${path.join(tmp, 'outside', 'secret.png')}`,
      '/etc/passwd',
    ];
    for (const trick of tricks) {
      const res = await request(port, 'GET', trick, auth());
      if (trick.startsWith('/media/')) expect([400, 404], trick).toContain(res.status);
      else expect(res.status === 400 || res.status === 404 || res.text === index, trick).toBe(true);
      expect(res.text, trick).not.toMatch(/root:.*:0:0:/);
      expect(res.body.includes(secret), trick).toBe(false);
    }
  });

  it('serves the built renderer with security headers and falls back to index.html for app routes', async () => {
    const page = await request(port, 'GET', '/library/stripes', auth());
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CSP);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const script = await request(port, 'GET', '/assets/index-abc123.js', auth());
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expect((await request(port, 'GET', '/assets/missing.js', auth())).status).toBe(404);
  });
});

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { ApiHost } from '../../../electron/api';
import { startServer, type SwatchbookServer } from '../../../electron/server';
import { request } from './http-client';

let tmp: string;
const running: Array<{ host: ApiHost; server: SwatchbookServer }> = [];

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'swatchbook-cookie-')));
  const renderer = path.join(tmp, 'renderer');
  await fs.mkdir(renderer);
  await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Swatchbook</title>');
  for (const name of ['first', 'second']) {
    const host = new ApiHost(await Engine.open({ dataDir: path.join(tmp, name), concurrency: 1 }));
    running.push({ host, server: await startServer({ host, rendererDir: renderer, port: 0 }) });
  }
});

afterAll(async () => {
  for (const { host, server } of running) {
    await server.close();
    await host.close();
  }
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A browser's cookies for 127.0.0.1: keyed by name only, since browsers do not keep cookies apart by port. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

it('keeps one cookie per server, so two servers on 127.0.0.1 work side by side in one browser', async () => {
  const jar = new CookieJar();
  for (const { server } of running) {
    const opened = await request(server.port, 'GET', `/?token=${server.token}`, { Cookie: jar.header() });
    expect(opened.status).toBe(302);
    jar.store(opened.headers['set-cookie']);
  }
  for (const { server } of running) {
    const page = await request(server.port, 'GET', '/', { Cookie: jar.header() });
    expect(page.status, `server on port ${server.port}`).toBe(200);
    const api = await request(
      server.port,
      'POST',
      '/api/libraryStatus',
      { Cookie: jar.header(), 'Content-Type': 'application/json' },
      '{}',
    );
    expect(api.status, `API on port ${server.port}`).toBe(200);
  }
  expect(jar.header()).toBe(running.map(({ server }) => `swatchbook_token_${server.port}=${server.token}`).join('; '));
});

it("does not take another server's cookie for its own", async () => {
  const [first, second] = running.map(({ server }) => server);
  const borrowed = `swatchbook_token_${second.port}=${first.token}`;
  expect((await request(first.port, 'GET', '/', { Cookie: borrowed })).status).toBe(401);
});

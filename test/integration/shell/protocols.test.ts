import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeChecks, makeStripes } from '../../support/images';
import { startTestShell, type TestShell } from '../../support/shell-harness';

/** One shell for the file: every test here only reads through the protocols. */
let shell: TestShell;
let lib: string;
let secret: Buffer;
let hashOf: (name: string) => string;

beforeAll(async () => {
  shell = await startTestShell();
  lib = path.join(shell.tmp, 'library');
  const outside = path.join(shell.tmp, 'outside');
  await fs.mkdir(lib);
  await fs.mkdir(outside);
  const size = { width: 96, height: 96 };
  const stripes = await makeStripes({ ...size, period: 16, orientation: 'vertical', colours: ['#1b2a4a', '#ffffff'] });
  await fs.writeFile(path.join(lib, 'stripes.png'), stripes);
  secret = await makeChecks({ ...size, period: 32, colours: ['#008080', '#e1ad01'] });
  await fs.writeFile(path.join(outside, 'secret.png'), secret);
  // A link that leaves the library: it is left out of the library, and nothing of it is ever served.
  await fs.symlink(path.join(outside, 'secret.png'), path.join(lib, 'escape.png'));
  expect(await shell.call('addFolder', { path: lib })).toEqual({ ok: true, value: { queued: 1, outside: 1 } });
  const assets = await shell.waitForAssets(1);
  hashOf = (name) => assets.find((asset) => asset.path === path.join(lib, name))?.hash as string;
});

afterAll(() => shell?.quit());

const request = (url: string) => shell.double.protocol.request(url);
const bodyOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

/** A URL Chromium cannot even parse fails to load, which refuses it as well as a 400 does. */
async function load(url: string): Promise<{ status: number | 'failed'; body: Buffer }> {
  try {
    const response = await request(url);
    return { status: response.status, body: await bodyOf(response) };
  } catch (error) {
    expect((error as Error).message, url).toMatch(/^net::ERR_/);
    return { status: 'failed', body: Buffer.alloc(0) };
  }
}

describe("swatchbook-media: the library's images", () => {
  it('serves the thumbnail and preview of an ingested image, as immutable sandboxed webp', async () => {
    for (const kind of ['thumb', 'preview']) {
      const response = await request(`swatchbook-media://${kind}/${hashOf('stripes.png')}`);
      expect(response.status, kind).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-security-policy')).toContain('sandbox');
      expect((await sharp(await bodyOf(response)).metadata()).format).toBe('webp');
    }
    expect((await request(`swatchbook-media://thumb/${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('serves originals from inside the library, never through a link that leaves it', async () => {
    const original = await request(`swatchbook-media://original/${hashOf('stripes.png')}`);
    expect(original.status).toBe(200);
    expect((await bodyOf(original)).equals(await fs.readFile(path.join(lib, 'stripes.png')))).toBe(true);
    expect(hashOf('escape.png')).toBeUndefined();
    const secretHash = createHash('sha256').update(secret).digest('hex');
    for (const kind of ['original', 'thumb', 'preview']) {
      const escaped = await request(`swatchbook-media://${kind}/${secretHash}`);
      expect(escaped.status, kind).toBe(404);
      expect((await bodyOf(escaped)).includes(secret)).toBe(false);
    }
  });

  it('refuses traversal, encoded traversal, encoded slashes, absolute paths and NUL bytes', async () => {
    const hash = hashOf('stripes.png');
    const secretPath = path.join(shell.tmp, 'outside', 'secret.png');
    const tricks = [
      'thumb/../../etc/passwd',
      '%2e%2e/%2e%2e/etc/passwd',
      'thumb/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'original//etc/passwd',
      'original/%2Fetc%2Fpasswd',
      `original/${hash}%00`,
      `original/${hash}/../../outside/secret.png`,
      'original/..%2f..%2foutside%2fsecret.png',
      'original/%00',
      `original/${encodeURIComponent(secretPath)}`,
      `original${secretPath}`,
      '/etc/passwd',
      'thumb\\..\\..\\etc\\passwd',
      `original/${hash}%2f..%2f..%2foutside%2fsecret.png`,
      `original%2f${hash}`,
    ].map((trick) => `swatchbook-media://${trick}`);
    for (const trick of tricks) {
      const { status, body } = await load(trick);
      expect([400, 404, 'failed'], trick).toContain(status);
      expect(body.includes(secret), trick).toBe(false);
      expect(body.toString('latin1'), trick).not.toMatch(/root:.*:0:0:/);
    }
  });
});

describe('swatchbook://app: the renderer', () => {
  it('serves the built files, and index.html for app routes', async () => {
    const index = await request('swatchbook://app/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>Swatchbook</title>');
    expect(await (await request('swatchbook://app/assets/app-1234.js')).text()).toBe('console.log("app")');
    expect(await (await request('swatchbook://app/library/stripes')).text()).toContain('<title>Swatchbook</title>');
    expect((await request('swatchbook://app/assets/gone.js')).status).toBe(404);
  });

  it('never serves a file from outside the renderer folder, nor another host', async () => {
    const index = await (await request('swatchbook://app/index.html')).text();
    const secretPath = path.join(shell.tmp, 'secret.txt');
    const tricks = [
      'app/../secret.txt',
      'app/%2e%2e/secret.txt',
      'app/assets/..%2f..%2fsecret.txt',
      'app/..%5csecret.txt',
      'app/%00',
      'app/%zz',
      'app/leak.txt',
      `app/${encodeURIComponent(secretPath)}`,
      `app/${secretPath}`,
      'app/..\\secret.txt',
      'evil/index.html',
      'app.evil.example/index.html',
      '/secret.txt',
    ].map((trick) => `swatchbook://${trick}`);
    for (const trick of tricks) {
      const { status, body } = await load(trick);
      const text = body.toString();
      expect(status === 400 || status === 404 || status === 'failed' || text === index, trick).toBe(true);
      expect(text, trick).not.toContain('SECRET');
    }
    for (const host of ['evil', 'ap', 'app.evil.example', 'app:8080']) {
      for (const page of ['/', '/index.html']) {
        expect((await request(`swatchbook://${host}${page}`)).status, `${host}${page}`).toBe(404);
      }
    }
  });
});

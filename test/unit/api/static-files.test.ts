import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../../electron/api/static-files';

let tmp: string;
let root: string;

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'swatchbook-static-')));
  root = path.join(tmp, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await fs.writeFile(path.join(root, 'assets', 'app-1234.js'), 'app');
  await fs.writeFile(path.join(tmp, 'secret.txt'), 'SECRET');
  await fs.symlink(path.join(tmp, 'secret.txt'), path.join(root, 'leak.txt'));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('resolveStaticFile', () => {
  it('serves built files, and index.html for app routes', async () => {
    expect(await resolveStaticFile(root, '/assets/app-1234.js')).toMatchObject({
      path: path.join(root, 'assets', 'app-1234.js'),
      contentType: 'text/javascript; charset=utf-8',
      immutable: true,
    });
    expect(await resolveStaticFile(root, '/')).toMatchObject({ path: path.join(root, 'index.html'), immutable: false });
    expect(await resolveStaticFile(root, '/library/stripes')).toMatchObject({ path: path.join(root, 'index.html') });
    expect(await resolveStaticFile(root, '/assets/gone.js')).toBe('missing');
  });

  it('refuses traversal, encoded traversal, backslashes, NUL, bad escapes and links out', async () => {
    for (const bad of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
      '/%zz',
    ]) {
      expect(await resolveStaticFile(root, bad), bad).toBe('bad');
    }
    expect(await resolveStaticFile(root, '/leak.txt')).toBe('missing');
  });

  it('never serves a file from outside the renderer folder', async () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2f', '%5c', '%00', 'secret.txt', 'leak.txt', 'assets', ''),
      fc.string({ maxLength: 8 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), async (parts) => {
        const result = await resolveStaticFile(root, `/${parts.join('/')}`);
        if (typeof result === 'object') expect(path.relative(root, result.path).startsWith('..')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

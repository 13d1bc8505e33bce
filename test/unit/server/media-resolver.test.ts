import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thumbnailPath } from '../../../electron/imaging';
import {
  containedRealPath, isInside, parseMediaRequest, realRoots, resolveMedia, type MediaSources,
} from '../../../electron/server/media-resolver';

const HASH = 'ab'.repeat(32);
const OTHER = 'cd'.repeat(32);

/** Pieces hostile requests are made of: traversal, encodings, separators, NUL, links that leave. */
const hostileSegment = fc.oneof(
  fc.constantFrom('..', '.', '', '%2e%2e', '%2E%2E', '..%2f', '%2f', '%5c', '..\\..', '\0', '%00', '/etc/passwd',
    'a.png', 'link-out.png', 'link-in.png', 'prefix-link.png', 'dir-link', 'secret.png', 'outside', 'lib', 'lib-evil',
    'thumb', HASH),
  fc.string({ maxLength: 12 }),
);
const hostilePath = fc.array(hostileSegment, { maxLength: 8 }).map((parts) => parts.join('/'));

let tmp: string;
let lib: string;
let outside: string;

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'swatchbook-media-')));
  lib = path.join(tmp, 'lib');
  outside = path.join(tmp, 'outside');
  await fs.mkdir(lib);
  await fs.mkdir(outside);
  await fs.writeFile(path.join(lib, 'a.png'), 'inside');
  await fs.writeFile(path.join(outside, 'secret.png'), 'SECRET');
  // A sibling whose name starts with the library's: a string-prefix check would let it through.
  await fs.mkdir(`${lib}-evil`);
  await fs.writeFile(`${lib}-evil/a.png`, 'SECRET');
  await fs.symlink(`${lib}-evil/a.png`, path.join(lib, 'prefix-link.png'));
  await fs.symlink(path.join(outside, 'secret.png'), path.join(lib, 'link-out.png'));
  await fs.symlink(path.join(lib, 'a.png'), path.join(lib, 'link-in.png'));
  await fs.symlink(outside, path.join(lib, 'dir-link'));
  await fs.mkdir(path.dirname(thumbnailPath(path.join(tmp, 'cache'), HASH)), { recursive: true });
  await fs.writeFile(thumbnailPath(path.join(tmp, 'cache'), HASH), 'thumb');
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('parseMediaRequest', () => {
  it('accepts exactly <kind>/<sha-256 hex>', () => {
    expect(parseMediaRequest(`thumb/${HASH}`)).toEqual({ kind: 'thumb', hash: HASH });
    expect(parseMediaRequest(`original/${HASH}`)).toEqual({ kind: 'original', hash: HASH });
    for (const bad of [`thumbs/${HASH}`, `thumb/${HASH.toUpperCase()}`, `thumb/${HASH}/`, `/thumb/${HASH}`,
      `thumb/${HASH.slice(1)}`, `thumb/../${HASH}`, `thumb/%2e%2e/${HASH}`, `thumb/${HASH}%00`, `thumb/${HASH}\0`]) {
      expect(parseMediaRequest(bad), bad).toBeNull();
    }
  });

  it('never lets anything but a kind and a hash through, whatever the string', () => {
    fc.assert(fc.property(fc.oneof(hostilePath, fc.string(), fc.string().map((s) => `thumb/${HASH}${s}`)), (raw) => {
      const parsed = parseMediaRequest(raw);
      if (parsed) expect(`${parsed.kind}/${parsed.hash}`).toBe(raw);
      return parsed === null || /^[0-9a-f]{64}$/.test(parsed.hash);
    }), { numRuns: 2000 });
  });
});

describe('containedRealPath', () => {
  it('serves files inside the root, through links that stay inside', async () => {
    expect(await containedRealPath([lib], path.join(lib, 'a.png'))).toBe(path.join(lib, 'a.png'));
    expect(await containedRealPath([lib], path.join(lib, 'link-in.png'))).toBe(path.join(lib, 'a.png'));
  });

  it('refuses links leaving the root, traversal, relative paths, NUL and folders', async () => {
    for (const candidate of [
      path.join(lib, 'link-out.png'), path.join(lib, 'dir-link', 'secret.png'), `${lib}/../outside/secret.png`,
      'lib/a.png', `${lib}/a.png\0`, lib, path.join(outside, 'secret.png'), `${lib}-evil/a.png`, path.join(lib, 'prefix-link.png'),
    ]) {
      expect(await containedRealPath([lib], candidate), candidate).toBeNull();
    }
  });

  it('never resolves a hostile path to anything outside the library', async () => {
    const roots = await realRoots([lib]);
    await fc.assert(fc.asyncProperty(hostilePath, fc.boolean(), async (tail, absolute) => {
      const candidate = absolute ? `/${tail}` : `${lib}/${tail}`;
      const real = await containedRealPath(roots, candidate);
      if (real !== null) {
        expect(isInside(lib, real)).toBe(true);
        expect(await fs.readFile(real, 'utf8')).toBe('inside');
      }
    }), { numRuns: 1500 });
  });
});

describe('isInside', () => {
  it('is not fooled by a shared prefix or by the root itself', () => {
    expect(isInside('/a/lib', '/a/lib/x.png')).toBe(true);
    expect(isInside('/a/lib', '/a/library/x.png')).toBe(false);
    expect(isInside('/a/lib', '/a/lib')).toBe(false);
    expect(isInside('/a/lib', '/a/lib/../x.png')).toBe(false);
    expect(isInside('/a/lib', '/a/lib/..x.png')).toBe(true);
  });
});

describe('resolveMedia', () => {
  const sources = (locations: string[]): MediaSources => ({
    cacheDir: path.join(tmp, 'cache'),
    roots: () => [lib],
    locations: (hash) => (hash === HASH ? locations : []),
  });

  it('serves thumbnails from the cache as immutable webp', async () => {
    const thumb = await resolveMedia(sources([]), { kind: 'thumb', hash: HASH });
    expect(thumb).toMatchObject({ contentType: 'image/webp', immutable: true });
    expect(await fs.readFile(thumb!.path, 'utf8')).toBe('thumb');
    expect(await resolveMedia(sources([]), { kind: 'preview', hash: HASH })).toBeNull();
    expect(await resolveMedia(sources([]), { kind: 'thumb', hash: OTHER })).toBeNull();
  });

  it('serves the first location that is really inside a library folder', async () => {
    const links = [path.join(lib, 'missing.png'), path.join(lib, 'link-out.png'), path.join(lib, 'a.png')];
    expect(await resolveMedia(sources(links), { kind: 'original', hash: HASH })).toEqual({
      path: path.join(lib, 'a.png'), contentType: 'image/png', immutable: false,
    });
    expect(await resolveMedia(sources(links.slice(0, 2)), { kind: 'original', hash: HASH })).toBeNull();
    expect(await resolveMedia(sources([path.join(outside, 'secret.png')]), { kind: 'original', hash: HASH })).toBeNull();
  });
});

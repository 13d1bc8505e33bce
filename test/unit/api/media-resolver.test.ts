import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewPath, thumbnailPath } from '../../../electron/imaging';
import { containedRealPath, isInside, realRoots } from '../../../electron/library';
import { parseMediaRequest, resolveMedia, type MediaSources } from '../../../electron/api/media-resolver';
import { makeStripes } from '../../support/images';

const HASH = 'ab'.repeat(32);
const OTHER = 'cd'.repeat(32);

/** Pieces hostile requests are made of: traversal, encodings, separators, NUL, links that leave. */
const hostileSegment = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '',
    '%2e%2e',
    '%2E%2E',
    '..%2f',
    '%2f',
    '%5c',
    '..\\..',
    '\0',
    '%00',
    '/etc/passwd',
    'a.png',
    'link-out.png',
    'link-in.png',
    'prefix-link.png',
    'dir-link',
    'secret.png',
    'outside',
    'lib',
    'lib-evil',
    'thumb',
    HASH,
  ),
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
    for (const bad of [
      `thumbs/${HASH}`,
      `thumb/${HASH.toUpperCase()}`,
      `thumb/${HASH}/`,
      `/thumb/${HASH}`,
      `thumb/${HASH.slice(1)}`,
      `thumb/../${HASH}`,
      `thumb/%2e%2e/${HASH}`,
      `thumb/${HASH}%00`,
      `thumb/${HASH}\0`,
    ]) {
      expect(parseMediaRequest(bad), bad).toBeNull();
    }
  });

  it('never lets anything but a kind and a hash through, whatever the string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostilePath,
          fc.string(),
          fc.string().map((s) => `thumb/${HASH}${s}`),
        ),
        (raw) => {
          const parsed = parseMediaRequest(raw);
          if (parsed) expect(`${parsed.kind}/${parsed.hash}`).toBe(raw);
          return parsed === null || /^[0-9a-f]{64}$/.test(parsed.hash);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('containedRealPath', () => {
  it('serves files inside the root, through links that stay inside', async () => {
    expect(await containedRealPath([lib], path.join(lib, 'a.png'))).toBe(path.join(lib, 'a.png'));
    expect(await containedRealPath([lib], path.join(lib, 'link-in.png'))).toBe(path.join(lib, 'a.png'));
  });

  it('refuses links leaving the root, traversal, relative paths, NUL and folders', async () => {
    for (const candidate of [
      path.join(lib, 'link-out.png'),
      path.join(lib, 'dir-link', 'secret.png'),
      `${lib}/../outside/secret.png`,
      'lib/a.png',
      `${lib}/a.png\0`,
      lib,
      path.join(outside, 'secret.png'),
      `${lib}-evil/a.png`,
      path.join(lib, 'prefix-link.png'),
    ]) {
      expect(await containedRealPath([lib], candidate), candidate).toBeNull();
    }
  });

  it('never resolves a hostile path to anything outside the library', async () => {
    const roots = await realRoots([lib]);
    await fc.assert(
      fc.asyncProperty(hostilePath, fc.boolean(), async (tail, absolute) => {
        const candidate = absolute ? `/${tail}` : `${lib}/${tail}`;
        const real = await containedRealPath(roots, candidate);
        if (real !== null) {
          expect(isInside(lib, real)).toBe(true);
          expect(await fs.readFile(real, 'utf8')).toBe('inside');
        }
      }),
      { numRuns: 1500 },
    );
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
      path: path.join(lib, 'a.png'),
      contentType: 'image/png',
      immutable: false,
    });
    expect(await resolveMedia(sources(links.slice(0, 2)), { kind: 'original', hash: HASH })).toBeNull();
    expect(
      await resolveMedia(sources([path.join(outside, 'secret.png')]), { kind: 'original', hash: HASH }),
    ).toBeNull();
  });
});

describe('resolveMedia: previews made on first request', () => {
  let design: Buffer;
  let cacheDir: string;
  /** Each test gets its own copy of the design, so its own hash and an empty cache for it. */
  let copies = 0;

  beforeAll(async () => {
    design = await makeStripes({
      width: 1200,
      height: 800,
      period: 40,
      orientation: 'vertical',
      colours: ['#1b2a4a', '#ffffff'],
    });
    cacheDir = path.join(tmp, 'preview-cache');
  });

  async function placeDesign(where = lib): Promise<{ file: string; hash: string }> {
    // A different trailing byte makes a distinct file (and hash) that still decodes.
    const bytes = Buffer.concat([design, Buffer.from([++copies])]);
    const file = path.join(where, `design-${copies}.png`);
    await fs.writeFile(file, bytes);
    return { file, hash: createHash('sha256').update(bytes).digest('hex') };
  }

  const sourcesFor = (hash: string, locations: string[], extra: Partial<MediaSources> = {}) => {
    const asked = { count: 0 };
    const sources: MediaSources = {
      cacheDir,
      roots: () => [lib],
      locations: (h) => {
        asked.count++;
        return h === hash ? locations : [];
      },
      ...extra,
    };
    return { sources, asked };
  };

  it('renders the 512 px preview from the original, caches it, and serves the cache after', async () => {
    const { file, hash } = await placeDesign();
    const { sources, asked } = sourcesFor(hash, [file]);
    const first = await resolveMedia(sources, { kind: 'preview', hash });
    expect(first).toEqual({ path: previewPath(cacheDir, hash), contentType: 'image/webp', immutable: true });
    const meta = await sharp(first!.path).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 512, 341]);
    expect((await fs.readdir(path.dirname(first!.path))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Cached: served even once the original is gone, without looking for it again.
    await fs.rm(file);
    expect(await resolveMedia(sources, { kind: 'preview', hash })).toEqual(first);
    expect(asked.count).toBe(1);
  });

  it('renders a thumbnail this machine never made (a team member ingested the image), with the preview from the same decode', async () => {
    const { file, hash } = await placeDesign();
    const { sources, asked } = sourcesFor(hash, [file]);
    const thumb = await resolveMedia(sources, { kind: 'thumb', hash });
    expect(thumb).toEqual({ path: thumbnailPath(cacheDir, hash), contentType: 'image/webp', immutable: true });
    const meta = await sharp(thumb!.path).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 171]);
    expect(await resolveMedia(sources, { kind: 'preview', hash })).toMatchObject({ path: previewPath(cacheDir, hash) });
    expect(asked.count).toBe(1);
  });

  it('renders once for two requests at the same time', async () => {
    const { file, hash } = await placeDesign();
    const { sources, asked } = sourcesFor(hash, [file]);
    const [a, b] = await Promise.all([
      resolveMedia(sources, { kind: 'preview', hash }),
      resolveMedia(sources, { kind: 'preview', hash }),
    ]);
    expect(a).not.toBeNull();
    expect(b).toEqual(a);
    expect(asked.count).toBe(1);
  });

  it('skips a location whose bytes changed since ingest, and gives nothing if none is left', async () => {
    const edited = await placeDesign();
    const intact = await placeDesign();
    await fs.writeFile(intact.file, await fs.readFile(edited.file));
    await fs.appendFile(edited.file, 'edited');
    // The second location still holds the ingested bytes: the preview comes from there.
    const { sources } = sourcesFor(edited.hash, [edited.file, path.join(lib, 'missing.png'), intact.file]);
    expect(await resolveMedia(sources, { kind: 'preview', hash: edited.hash })).not.toBeNull();

    const other = await placeDesign();
    await fs.appendFile(other.file, 'edited');
    const { sources: changed } = sourcesFor(other.hash, [other.file, path.join(lib, 'missing.png')]);
    expect(await resolveMedia(changed, { kind: 'preview', hash: other.hash })).toBeNull();
    await expect(fs.stat(previewPath(cacheDir, other.hash))).rejects.toThrow(/ENOENT/);
  });

  it('never renders from outside the library, directly or through a link', async () => {
    const outsideCopy = await placeDesign(outside);
    const link = path.join(lib, `link-to-design-${copies}.png`);
    await fs.symlink(outsideCopy.file, link);
    const { sources } = sourcesFor(outsideCopy.hash, [outsideCopy.file, link]);
    expect(await resolveMedia(sources, { kind: 'preview', hash: outsideCopy.hash })).toBeNull();
    await expect(fs.stat(previewPath(cacheDir, outsideCopy.hash))).rejects.toThrow(/ENOENT/);
  });

  it('applies the library pixel limit to the original', async () => {
    const { file, hash } = await placeDesign();
    const { sources } = sourcesFor(hash, [file], { pixelLimit: 500_000 });
    expect(await resolveMedia(sources, { kind: 'preview', hash })).toBeNull();
  });
});

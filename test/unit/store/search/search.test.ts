import { beforeEach, describe, expect, it } from 'vitest';
import type { FacetCount, SearchResult } from '../../../../shared/model';
import type { LibraryStore } from '../../../../electron/store';
import { hexToOklab, oklabDistance } from '../../../../electron/pixels/colour-space';
import { makeAsset, type AssetSpec } from '../synthetic-assets';
import { openTempStore } from '../temp-store';

const ASSETS: AssetSpec[] = [
  {
    hash: 'a',
    path: '/lib/prints/navy-stripe.jpg',
    pattern: 'stripes',
    palette: [
      ['navy', 0.8],
      ['white', 0.2],
    ],
    width: 2000,
    height: 1000,
    addedAt: 1,
    colourfulness: 0.2,
    tags: ['summer'],
  },
  {
    hash: 'b',
    path: '/lib/prints/floral10.png',
    pattern: 'floral/organic',
    palette: [
      ['pink', 0.6],
      ['navy', 0.1],
      ['green', 0.3],
    ],
    width: 1000,
    height: 2000,
    format: 'png',
    addedAt: 2,
    colourfulness: 0.9,
    status: 'accepted',
  },
  {
    hash: 'c',
    path: '/lib/swatches/floral9.jpg',
    pattern: 'floral/organic',
    palette: [
      ['red', 0.9],
      ['cream', 0.1],
    ],
    width: 1000,
    height: 1020,
    addedAt: 3,
    colourfulness: 0.7,
    tags: ['summer', 'archive'],
  },
  {
    hash: 'd',
    path: '/lib/swatches/dots.jpg',
    pattern: 'dots',
    palette: [
      ['navy', 0.4],
      ['mustard', 0.6],
    ],
    width: 1500,
    height: 1000,
    addedAt: 4,
    colourfulness: 0.5,
    status: 'rejected',
  },
  {
    hash: 'e',
    path: '/other/checks.tif',
    pattern: 'checks',
    palette: [['green', 1]],
    width: 800,
    height: 800,
    format: 'tiff',
    addedAt: 5,
    colourfulness: 0.4,
  },
];

const values = (counts: FacetCount[]) => Object.fromEntries(counts.map((c) => [c.value, c.count]));
const hashes = (result: SearchResult) => result.items.map((i) => i.hash);

describe('search', () => {
  let store: LibraryStore;

  beforeEach(async () => {
    ({ store } = await openTempStore());
    store.addFolder('/lib');
    store.addFolder('/other');
    for (const spec of ASSETS) store.recordAsset({ path: spec.path, fileSize: 1, mtimeMs: 1 }, makeAsset(spec));
  });

  it('gives assets the folder facet values of a library folder added after them, and leaves the rest be', () => {
    const late = makeAsset({ hash: 'late', path: '/late/sub/x.jpg' });
    store.recordAsset({ path: '/late/sub/x.jpg', fileSize: 1, mtimeMs: 1 }, late);
    const before = values(store.search({}).facets.folder);
    expect(before['/late']).toBeUndefined();
    store.addFolder('/late');
    const after = values(store.search({}).facets.folder);
    expect(after).toMatchObject({ '/late': 1, '/late/sub': 1 });
    expect({ ...after, '/late': undefined, '/late/sub': undefined }).toEqual({
      ...before,
      '/late': undefined,
      '/late/sub': undefined,
    });
  });

  it('returns everything newest first with summaries by default', () => {
    const result = store.search({});
    expect(result.total).toBe(5);
    expect(hashes(result)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(result.items[4]).toMatchObject({
      name: 'navy-stripe.jpg',
      path: '/lib/prints/navy-stripe.jpg',
      pattern: 'stripes',
      width: 2000,
    });
    expect(result.items[4].distance).toBeUndefined();
  });

  it.each([
    [{ patterns: ['floral/organic' as const] }, ['c', 'b']],
    [{ colours: ['Navy'] }, ['d', 'b', 'a']],
    [{ folders: ['/other'] }, ['e']],
    [{ folders: ['/lib/swatches'] }, ['d', 'c']],
    [{ folders: ['/lib/print'] }, []],
    [{ folders: ['/'] }, ['e', 'd', 'c', 'b', 'a']],
    [{ folders: ['/other', '/lib/prints/'] }, ['e', 'b', 'a']],
    [{ formats: ['PNG'] }, ['b']],
    [{ orientations: ['square' as const] }, ['e', 'c']],
    [{ orientations: ['portrait' as const] }, ['b']],
    [{ statuses: ['accepted' as const, 'rejected' as const] }, ['d', 'b']],
    [{ tags: ['archive'] }, ['c']],
  ])('filters by %j', (query, expected) => {
    expect(hashes(store.search(query))).toEqual(expected);
  });

  it("computes each facet's counts with every other filter applied (multi-select)", () => {
    const result = store.search({ patterns: ['floral/organic'], colours: ['navy'] });
    expect(hashes(result)).toEqual(['b']);
    // Pattern counts ignore the pattern selection but respect colour = navy: a, b, d.
    expect(values(result.facets.pattern)).toEqual({ stripes: 1, 'floral/organic': 1, dots: 1 });
    // Colour counts ignore the colour selection but respect pattern = floral: b, c.
    expect(values(result.facets.colour)).toEqual({ pink: 1, navy: 1, green: 1, red: 1, cream: 1 });
    // Other facets count the actual results only.
    expect(values(result.facets.format)).toEqual({ png: 1 });
    expect(values(result.facets.folder)).toEqual({ '/lib': 1, '/lib/prints': 1 });
  });

  it('counts facets over everything when nothing is selected, ignoring minor colours', () => {
    const { facets } = store.search({ colours: [] });
    expect(values(facets.orientation)).toEqual({ landscape: 2, portrait: 1, square: 2 });
    expect(values(facets.folder)).toEqual({ '/lib': 4, '/lib/prints': 2, '/lib/swatches': 2, '/other': 1 });
    expect(values(facets.tag)).toEqual({ summer: 2, archive: 1 });
    expect(values(facets.colour).navy).toBe(3);
    const withMinor = makeAsset({
      hash: 'f',
      path: '/lib/f.jpg',
      palette: [
        ['plum', 0.95],
        ['lime', 0.05],
      ],
    });
    store.recordAsset({ path: '/lib/f.jpg', fileSize: 1, mtimeMs: 1 }, withMinor);
    expect(values(store.search({}).facets.colour).lime).toBeUndefined();
  });

  it('counts every sub-folder with the assets in it and below it, and filters by one', () => {
    const deep = { path: '/lib/swatches/2024/june/ikat.jpg', fileSize: 1, mtimeMs: 1 };
    store.recordAsset(deep, makeAsset({ ...ASSETS[3], hash: 'f', path: deep.path, addedAt: 6 }));
    const { facets } = store.search({ folders: ['/lib/swatches/2024'] });
    expect(values(facets.folder)).toMatchObject({
      '/lib': 5,
      '/lib/swatches': 3,
      '/lib/swatches/2024': 1,
      '/lib/swatches/2024/june': 1,
    });
    expect(hashes(store.search({ folders: ['/lib/swatches'] }))).toEqual(['f', 'd', 'c']);
    expect(hashes(store.search({ folders: ['/lib/swatches/2024/june'] }))).toEqual(['f']);
  });

  it('keeps a selected value visible in its facet even when nothing matches it', () => {
    const { facets, total } = store.search({ tags: ['nonexistent-but-known'], text: 'zzz' });
    expect(total).toBe(0);
    expect(facets.tag).toEqual([]);
    const selected = store.search({ patterns: ['dots'], text: 'floral' });
    expect(selected.facets.pattern).toContainEqual({ value: 'dots', count: 0 });
  });

  it('matches free text case-insensitively across file name, path, tags, pattern and colour names, all terms required', () => {
    expect(hashes(store.search({ text: 'FLORAL' }))).toEqual(['c', 'b']);
    expect(hashes(store.search({ text: 'swatches' }))).toEqual(['d', 'c']);
    expect(hashes(store.search({ text: 'archive' }))).toEqual(['c']);
    expect(hashes(store.search({ text: 'mustard dots' }))).toEqual(['d']);
    expect(hashes(store.search({ text: '  checks  tiff ' }))).toEqual(['e']);
    expect(hashes(store.search({ text: 'floral navy' }))).toEqual(['b']);
  });

  it('ranks colour-near matches by share-weighted closeness: navy-dominant first', () => {
    const result = store.search({ colourNear: { hex: '#1b2a4a', tolerance: 10 } });
    expect(hashes(result)).toEqual(['a', 'd', 'b']);
    expect(result.items[0].distance).toBeCloseTo(0.2, 5);
    expect(result.items[2].distance).toBeCloseTo(0.9, 5);
    // An explicit sort wins over colour closeness.
    expect(hashes(store.search({ colourNear: { hex: '#1b2a4a' }, sort: 'date' }))).toEqual(['d', 'b', 'a']);
    expect(store.search({ colourNear: { hex: '#00ff00', tolerance: 1 } }).total).toBe(0);
  });

  it('orders by vector similarity when similarTo is given', async () => {
    const { store: s } = await openTempStore();
    const unit = (x: number) => [Math.cos(x), Math.sin(x)];
    for (const [hash, angle] of [
      ['ref', 0],
      ['near', 0.1],
      ['far', 2],
      ['mid', 1],
    ] as const) {
      s.recordAsset(
        { path: `/${hash}.jpg`, fileSize: 1, mtimeMs: 1 },
        makeAsset({ hash, path: `/${hash}.jpg`, vector: unit(angle) }),
      );
    }
    const result = s.search({ similarTo: 'ref' });
    expect(hashes(result)).toEqual(['ref', 'near', 'mid', 'far']);
    expect(result.items[1].distance).toBeCloseTo(1 - Math.cos(0.1), 6);
    expect(s.moreLikeThis('ref', 2).map((a) => a.hash)).toEqual(['near', 'mid']);
    expect(s.search({ similarTo: 'missing' }).total).toBe(0);
  });

  it('sorts by name (natural order), colourfulness and date in either order', () => {
    expect(hashes(store.search({ sort: 'name', order: 'asc' }))).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(store.search({ sort: 'name', order: 'asc', text: 'floral' }).items.map((i) => i.name)).toEqual([
      'floral9.jpg',
      'floral10.png',
    ]);
    expect(hashes(store.search({ sort: 'colourfulness' }))).toEqual(['b', 'c', 'd', 'e', 'a']);
    expect(hashes(store.search({ sort: 'date', order: 'asc' }))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps name order right as assets are added, renamed and removed after the first name sort', () => {
    const names = () => store.search({ sort: 'name', order: 'asc' }).items.map((i) => i.name);
    expect(names()).toEqual(['checks.tif', 'dots.jpg', 'floral9.jpg', 'floral10.png', 'navy-stripe.jpg']);
    store.recordAsset(
      { path: '/lib/aardvark.jpg', fileSize: 1, mtimeMs: 1 },
      makeAsset({ hash: 'z', path: '/lib/aardvark.jpg' }),
    );
    store.removeFile('/other/checks.tif');
    store.addLocation({ path: '/lib/zebra.jpg', fileSize: 1, mtimeMs: 1 }, 'd');
    store.removeFile('/lib/swatches/dots.jpg');
    store.recordAsset({ path: '/lib/b2.jpg', fileSize: 1, mtimeMs: 1 }, makeAsset({ hash: 'y', path: '/lib/b2.jpg' }));
    expect(names()).toEqual(['aardvark.jpg', 'b2.jpg', 'floral9.jpg', 'floral10.png', 'navy-stripe.jpg', 'zebra.jpg']);
    expect(store.search({ sort: 'name', order: 'desc', offset: 1, limit: 2 }).items.map((i) => i.name)).toEqual([
      'navy-stripe.jpg',
      'floral10.png',
    ]);
  });

  it('uses exactly oklabDistance for colour tolerance', async () => {
    const { store: s } = await openTempStore();
    const colour = { hex: '#336699', name: 'blue', share: 1, lab: hexToOklab('#336699') };
    s.recordAsset(
      { path: '/x.jpg', fileSize: 1, mtimeMs: 1 },
      makeAsset({ hash: 'x', path: '/x.jpg', palette: [colour] }),
    );
    const distance = oklabDistance(hexToOklab('#3a6f9f'), colour.lab);
    expect(s.search({ colourNear: { hex: '#3a6f9f', tolerance: distance * 1.001 } }).total).toBe(1);
    expect(s.search({ colourNear: { hex: '#3a6f9f', tolerance: distance * 0.999 } }).total).toBe(0);
  });

  it('paginates with offset and limit while total counts every match', () => {
    const page = store.search({ sort: 'date', order: 'asc', offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(hashes(page)).toEqual(['b', 'c']);
    expect(hashes(store.search({ offset: 4, limit: 10 }))).toEqual(['a']);
    expect(store.search({ offset: 50 }).items).toEqual([]);
  });

  it('finds near duplicates by perceptual-hash Hamming distance', async () => {
    const { store: s } = await openTempStore();
    const add = (hash: string, phash: string) =>
      s.recordAsset({ path: `/${hash}`, fileSize: 1, mtimeMs: 1 }, makeAsset({ hash, path: `/${hash}`, phash }));
    add('src', 'ffff0000ffff0000');
    add('one-bit', 'ffff0000ffff0001');
    add('eight-bits', 'ffff0000ffff00ff');
    add('far', '0000ffff0000ffff');
    expect(s.nearDuplicates('src').map((a) => [a.hash, a.distance])).toEqual([
      ['one-bit', 1],
      ['eight-bits', 8],
    ]);
    expect(s.nearDuplicates('src', 4).map((a) => a.hash)).toEqual(['one-bit']);
  });

  it('summarises counts for the library', () => {
    store.recordError('/lib/bad.jpg', 'unsupported');
    expect(store.stats()).toMatchObject({
      assets: 5,
      files: 6,
      errors: 1,
      patterns: { 'floral/organic': 2, dots: 1 },
      colours: { navy: 3 },
    });
  });
});

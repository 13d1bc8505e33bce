import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANALYZER_VERSION,
  bareDecodeAndThumbnail,
  ImageRejectedError,
  previewPath,
  processImage,
  renderPreview,
  thumbnailPath,
} from '../../../electron/imaging';
import { ImageMetadata, LocalAnalysis, Segment } from '../../../shared/model/asset';
import { analyzeRaster, featureVector, perceptualHash } from '../../../electron/pixels';
import { decodePreview, DEFAULT_PIXEL_LIMIT } from '../../../electron/imaging/decode';
import { flattenedRaster, reduceToThumbnail } from '../../../electron/imaging/derive';
import { makeSheet, makeSolid, makeStripes, photoLikeRaster, encodeRaster } from '../../support/images';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'sb-imaging-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

const navyWhite: [string, string] = ['#1b2a4a', '#ffffff'];
let n = 0;
const hash = () => `${(++n).toString(16).padStart(2, '0')}${'0'.repeat(62)}`;

describe('processImage', () => {
  it('returns metadata, a valid analysis, pHash, vector, and writes the thumbnail and the preview', async () => {
    const bytes = await makeStripes({
      width: 2400,
      height: 1600,
      period: 60,
      orientation: 'vertical',
      colours: navyWhite,
      format: 'jpeg',
    });
    const h = hash();
    const out = await processImage(bytes, { hash: h, cacheDir });
    expect(ImageMetadata.parse(out.metadata)).toMatchObject({
      width: 2400,
      height: 1600,
      format: 'jpeg',
      space: 'srgb',
      hasAlpha: false,
      pages: 1,
    });
    expect(LocalAnalysis.parse(out.analysis)).toMatchObject({ source: 'local', version: ANALYZER_VERSION });
    expect(out.analysis.pattern).toMatchObject({ label: 'stripes', stripeOrientation: 'vertical' });
    expect(Math.abs(out.analysis.pattern.repeat!.width - 60)).toBeLessThanOrEqual(2);
    expect(out.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(out.vector.length).toBeLessThanOrEqual(96);
    expect(out.segments).toEqual([]);
    expect(out.tiles).toEqual([]);
    const thumb = await sharp(thumbnailPath(cacheDir, h)).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 256, 171]);
    expect(thumbnailPath(cacheDir, h)).toBe(join(cacheDir, 'thumbs', h.slice(0, 2), `${h}.webp`));
    const preview = await sharp(previewPath(cacheDir, h)).metadata();
    expect([preview.format, preview.width, preview.height]).toEqual(['webp', 512, 341]);
    // A library ingested before previews were written renders the same one on request.
    await rm(previewPath(cacheDir, h));
    expect(await renderPreview(cacheDir, h, bytes)).toBe(previewPath(cacheDir, h));
    expect((await sharp(previewPath(cacheDir, h)).metadata()).width).toBe(512);
    // Atomic writes leave no temporary files behind.
    expect((await readdir(join(cacheDir, 'thumbs', h.slice(0, 2)))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never enlarges small images', async () => {
    const h = hash();
    const bytes = await makeSolid({ width: 120, height: 80, colour: '#008080' });
    await processImage(bytes, { hash: h, cacheDir });
    expect((await sharp(thumbnailPath(cacheDir, h)).metadata()).width).toBe(120);
    expect((await sharp(await renderPreview(cacheDir, h, bytes)).metadata()).width).toBe(120);
  });

  it('renders a preview under the same pixel limit as the ingest, refused before decoding', async () => {
    const bytes = await makeSolid({ width: 1200, height: 900, colour: '#008080' });
    await expect(renderPreview(cacheDir, hash(), bytes, 1_000_000)).rejects.toThrow(/image too large/);
  });

  it('gives the analyzer answers for its raster, wherever the analysis runs', async () => {
    const bytes = await makeStripes({
      width: 900,
      height: 600,
      period: 30,
      orientation: 'horizontal',
      colours: navyWhite,
      format: 'jpeg',
    });
    const out = await processImage(bytes, { hash: hash(), cacheDir });
    const raster = flattenedRaster(await reduceToThumbnail(await decodePreview(bytes, DEFAULT_PIXEL_LIMIT)));
    expect(out.analysis).toEqual(analyzeRaster(raster, { originalWidth: 900, originalHeight: 600 }));
    expect(out.phash).toBe(perceptualHash(raster));
    expect(out.vector).toEqual(featureVector(raster));
  });

  it('reads dpi, alpha, and PNG format', async () => {
    const rgba = await sharp({
      create: { width: 300, height: 200, channels: 4, background: { r: 210, g: 31, b: 31, alpha: 0.5 } },
    })
      .withMetadata({ density: 300 })
      .png()
      .toBuffer();
    const out = await processImage(rgba, { hash: hash(), cacheDir });
    expect(out.metadata).toMatchObject({ format: 'png', hasAlpha: true, dpi: 300 });
    // Half-transparent red flattened on white reads as a pink-ish solid.
    expect(out.analysis.pattern.solid).toBe(true);
  });

  it('converts CMYK to sRGB for analysis', async () => {
    const cmyk = await sharp(await makeSolid({ width: 200, height: 200, colour: '#1b2a4a' }))
      .toColourspace('cmyk')
      .jpeg()
      .toBuffer();
    const out = await processImage(cmyk, { hash: hash(), cacheDir });
    expect(out.metadata.space).toBe('cmyk');
    expect(out.analysis.palette[0].name).toBe('navy');
  });

  it('handles greyscale images', async () => {
    const grey = await sharp(
      await makeStripes({
        width: 400,
        height: 300,
        period: 30,
        orientation: 'horizontal',
        colours: ['#000000', '#ffffff'],
      }),
    )
      .toColourspace('b-w')
      .png()
      .toBuffer();
    const out = await processImage(grey, { hash: hash(), cacheDir });
    expect(out.metadata.space).toBe('b-w');
    expect(out.analysis.pattern.label).toBe('stripes');
  });

  it('applies EXIF orientation to the reported size', async () => {
    const rotated = await sharp(await makeSolid({ width: 300, height: 200, colour: '#ffffff' }))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const out = await processImage(rotated, { hash: hash(), cacheDir });
    expect([out.metadata.width, out.metadata.height]).toEqual([200, 300]);
  });

  it('segments a sheet of three designs into analysed regions', async () => {
    const { buffer, boxes } = await makeSheet({ width: 1500, height: 1000 });
    const out = await processImage(buffer, { hash: hash(), cacheDir });
    expect(out.segments).toHaveLength(3);
    for (const [i, s] of out.segments.entries()) {
      Segment.parse(s);
      expect(Math.abs(s.box.x - boxes[i].x)).toBeLessThanOrEqual(60);
      expect(Math.abs(s.box.width - boxes[i].width)).toBeLessThanOrEqual(60);
    }
    expect(out.segments.map((s) => s.analysis.pattern.label)).toEqual(['stripes', 'dots', 'checks']);
  });
});

describe('bareDecodeAndThumbnail', () => {
  it('writes a 256 px webp', async () => {
    const out = join(cacheDir, 'bare.webp');
    await bareDecodeAndThumbnail(await encodeRaster(photoLikeRaster({ width: 800, height: 600 }), 'jpeg'), out);
    expect((await sharp(out).metadata()).width).toBe(256);
  });
});

it('exports the rejection error type', () => {
  expect(new ImageRejectedError('x')).toBeInstanceOf(Error);
});

import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { ingestFile } from '../../../electron/library/ingest-file';
import { stripesRaster } from '../../support/images';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const STRIPES = stripesRaster({
  width: 240,
  height: 160,
  period: 20,
  orientation: 'vertical',
  colours: ['#d21f1f', '#ffffff'],
});
const raw = () => sharp(Buffer.from(STRIPES.data), { raw: { width: 240, height: 160, channels: 3 } });

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120">
  <rect width="200" height="120" fill="#008080"/><circle cx="100" cy="60" r="30" fill="#ffffff"/></svg>`;

/** Two pages: the first is the stripes, the second a solid — only the first may be analysed. */
async function multiPageTiff(): Promise<Buffer> {
  const first = await raw().png().toBuffer();
  const second = await sharp({ create: { width: 240, height: 160, channels: 3, background: '#e1ad01' } })
    .png()
    .toBuffer();
  return sharp([first, second], { join: { animated: true } })
    .tiff()
    .toBuffer();
}

describe('supported formats', () => {
  it('ingests JPEG, PNG, WebP, GIF, multi-page TIFF (first page), AVIF, SVG and a CMYK print file', async () => {
    const root = await dirs.make('formats-');
    const files: Record<string, Buffer> = {
      'a.jpg': await raw().jpeg().toBuffer(),
      'b.png': await raw().png().toBuffer(),
      'c.webp': await raw().webp().toBuffer(),
      'd.gif': await raw().gif().toBuffer(),
      'e.tif': await multiPageTiff(),
      'f.avif': await raw().avif().toBuffer(),
      'g.svg': Buffer.from(SVG),
      'h-cmyk.jpg': await raw().toColourspace('cmyk').jpeg().toBuffer(),
    };
    for (const [name, bytes] of Object.entries(files)) await fs.writeFile(path.join(root, name), bytes);

    const library = await Engine.open({ dataDir: await dirs.make('data-') });
    await library.library.addFolder(root);
    await library.library.idle();
    expect(library.store.listErrors()).toEqual([]);
    const assetOf = (name: string) => library.store.getAsset(library.store.getFile(path.join(root, name))!.hash!)!;
    for (const name of ['a.jpg', 'b.png', 'c.webp', 'd.gif', 'e.tif', 'f.avif', 'h-cmyk.jpg']) {
      const asset = assetOf(name);
      expect(asset.metadata, name).toMatchObject({ width: 240, height: 160 });
      expect(asset.analysis.pattern.label, name).toBe('stripes');
      expect(
        asset.analysis.palette.map((c) => c.name),
        name,
      ).toContain('red');
    }
    expect(assetOf('e.tif').metadata).toMatchObject({ format: 'tiff', pages: 2 });
    expect(assetOf('f.avif').metadata.format).toBe('avif');
    expect(assetOf('h-cmyk.jpg').metadata.space).toBe('cmyk');
    expect(assetOf('g.svg').metadata).toMatchObject({ format: 'svg', width: 200, height: 120 });
    expect(assetOf('g.svg').analysis.palette.map((c) => c.name)).toContain('teal');
    await library.close();
  });

  it('records a file deleted between scan and decode as an error, not a crash', async () => {
    const root = await dirs.make('gone-');
    const file = path.join(root, 'vanishing.png');
    await fs.writeFile(file, await raw().png().toBuffer());
    const library = await Engine.open({ dataDir: await dirs.make('data-') });
    library.library.queue.pause(); // scanned and queued, not yet decoded
    await library.library.addFolder(root);
    await fs.rm(file);
    const roots = async () => [root];
    const outcome = await ingestFile(file, { store: library.store, cacheDir: library.library.cacheDir, roots });
    expect(outcome).toEqual({ kind: 'failed', reason: 'file disappeared before it could be read' });
    expect(library.store.listErrors()).toEqual([
      expect.objectContaining({ path: file, reason: 'file disappeared before it could be read' }),
    ]);
    await library.close();
  });
});

import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ModelInputError,
  planModelInput,
  readOriginal,
  renderModelInput,
} from '../../../electron/analysis/model-input';
import { encodeRaster, photoLikeRaster } from '../../support/images';
import { tempDirs } from '../../support/temp-dirs';
import { makeAsset } from '../store/synthetic-assets';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

async function photoWithMetadata(): Promise<Buffer> {
  const plain = await encodeRaster(photoLikeRaster({ width: 2400, height: 1600, seed: 3 }), 'jpeg');
  return sharp(plain)
    .withExif({ IFD0: { Artist: 'Jane Designer', Copyright: 'private client brief' } })
    .jpeg()
    .toBuffer();
}

describe('the bytes that leave the machine', () => {
  it('are downscaled JPEGs with no EXIF, XMP or ICC metadata, under the byte limit', async () => {
    const bytes = await photoWithMetadata();
    expect((await sharp(bytes).metadata()).exif).toBeDefined();
    const asset = makeAsset({ hash: 'x', path: '/x.jpg', width: 2400, height: 1600, pattern: 'photo/other' });
    const [image] = await renderModelInput(planModelInput(asset), bytes, 2400, 1600);
    const meta = await sharp(image.bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 640, height: 427 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(image.bytes.includes('Jane Designer')).toBe(false);
    expect(image.bytes.length).toBeLessThan(3_750_000);
  });

  it('come only from a file that still holds the indexed bytes', async () => {
    const dir = await dirs.make('model-input-');
    const file = path.join(dir, 'a.jpg');
    const bytes = await photoWithMetadata();
    await fs.writeFile(file, bytes);
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(
      (
        await readOriginal({
          hash,
          locations: [
            { path: '/gone.jpg', fileSize: 1, mtimeMs: 1 },
            { path: file, fileSize: 1, mtimeMs: 1 },
          ],
        })
      ).equals(bytes),
    ).toBe(true);
    await fs.writeFile(file, Buffer.concat([bytes, Buffer.from('changed')]));
    await expect(readOriginal({ hash, locations: [{ path: file, fileSize: 1, mtimeMs: 1 }] })).rejects.toThrow(
      ModelInputError,
    );
  });
});

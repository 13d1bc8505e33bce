import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageRejectedError, processImage } from '../../../electron/imaging';
import { makePhotoLike, notAnImage, oversizePngHeader, truncated } from '../../support/images';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'sb-reject-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

async function rejection(bytes: Buffer, pixelLimit?: number): Promise<ImageRejectedError> {
  try {
    await processImage(bytes, { hash: 'ff'.repeat(32), cacheDir, pixelLimit });
  } catch (err) {
    expect(err).toBeInstanceOf(ImageRejectedError);
    return err as ImageRejectedError;
  }
  throw new Error('expected the image to be rejected');
}

describe('rejected files', () => {
  it('refuses an empty file', async () => {
    expect((await rejection(Buffer.alloc(0))).message).toBe('empty file (0 bytes)');
  });

  it('refuses a text file named .png', async () => {
    expect((await rejection(notAnImage())).message).toBe('not a supported image (unrecognised format)');
  });

  it('refuses a truncated JPEG with the decoder reason', async () => {
    const jpeg = await makePhotoLike({ width: 1200, height: 900, format: 'jpeg' });
    const { message } = await rejection(truncated(jpeg, 0.6));
    expect(message).toMatch(/^corrupt or truncated image: .+/);
    expect(message).toMatch(/premature end|truncated/i);
  });

  it('refuses a truncated PNG', async () => {
    const png = await makePhotoLike({ width: 600, height: 400, format: 'png' });
    expect((await rejection(truncated(png, 0.5))).message).toMatch(/^corrupt or truncated image: /);
  });

  it('refuses a decompression bomb from its header, before decoding', async () => {
    const started = performance.now();
    const { message } = await rejection(await oversizePngHeader(30000, 30000));
    expect(message).toBe('image too large: 30000×30000 exceeds the 200-megapixel limit');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('honours a custom pixel limit', async () => {
    const jpeg = await makePhotoLike({ width: 1200, height: 900, format: 'jpeg' });
    expect((await rejection(jpeg, 1_000_000)).message).toBe('image too large: 1200×900 exceeds the 1-megapixel limit');
  });
});

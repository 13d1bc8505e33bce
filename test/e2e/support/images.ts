import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

type Rgb = readonly [number, number, number];
const NAVY: Rgb = [27, 42, 74];
const WHITE: Rgb = [255, 255, 255];
const RED: Rgb = [210, 31, 31];
const GREEN: Rgb = [46, 158, 62];
const MUSTARD: Rgb = [225, 173, 1];
const ORANGE: Rgb = [245, 124, 0];

const SIZE = 320;

function raster(pixel: (x: number, y: number) => Rgb, width = SIZE, height = SIZE): ReturnType<typeof sharp> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const i = (y * width + x) * 3;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

/** Images with unambiguous answers: what each one is, by pattern and by colour name. */
export const PICTURES = {
  'navy-stripes.png': () => raster((_x, y) => (Math.floor(y / 20) % 2 ? NAVY : WHITE)).png(),
  'red-dots.png': () =>
    raster((x, y) => {
      const dx = (x % 40) - 20;
      const dy = (y % 40) - 20;
      return dx * dx + dy * dy < 196 ? RED : WHITE;
    }).png(),
  'green-checks.png': () => raster((x, y) => ((Math.floor(x / 40) + Math.floor(y / 40)) % 2 ? GREEN : WHITE)).png(),
  'mustard-solid.png': () => raster(() => MUSTARD).png(),
  // Teal to mint: a smooth ramp whose colours are named unlike any other picture's.
  'teal-gradient.jpg': () =>
    raster(
      (x) => [Math.round((x / 400) * 168), 128 + Math.round((x / 400) * 102), 128 + Math.round((x / 400) * 79)],
      400,
      240,
    ).jpeg({ quality: 90 }),
  /** Not in the initial library: dropped in later to test live updates. */
  'orange-checks.png': () => raster((x, y) => ((Math.floor(x / 32) + Math.floor(y / 32)) % 2 ? ORANGE : WHITE)).png(),
} as const;

const LATE: ReadonlySet<string> = new Set(['orange-checks.png']);

export type PictureName = keyof typeof PICTURES;

export async function writePicture(folder: string, name: PictureName, as: string = name): Promise<string> {
  const file = path.join(folder, as);
  // Write under a temporary name and rename, so the watcher never sees a half-written file.
  const partial = path.join(folder, `.${as}.partial`);
  await fs.writeFile(partial, await PICTURES[name]().toBuffer());
  await fs.rename(partial, file);
  return file;
}

/** The pictures writeAllPictures writes (every one but those a test adds later), sorted. */
export const ALL_PICTURES = (Object.keys(PICTURES) as PictureName[]).filter((name) => !LATE.has(name)).sort();

export async function writeAllPictures(folder: string): Promise<void> {
  for (const name of ALL_PICTURES) await writePicture(folder, name);
}

/**
 * A small seamless repeat tile, as designers keep swatches: a red dot on cream, `size` px square,
 * the dot centred so tiles meet without a seam.
 */
export async function writeTile(folder: string, name: string, size: number): Promise<string> {
  const CREAM: Rgb = [244, 239, 230];
  const r = size / 4;
  const tile = raster(
    (x, y) => ((x - size / 2) ** 2 + (y - size / 2) ** 2 < r * r ? RED : x < 4 || y < 4 ? NAVY : CREAM),
    size,
    size,
  );
  const file = path.join(folder, name);
  await fs.writeFile(file, await tile.png().toBuffer());
  return file;
}

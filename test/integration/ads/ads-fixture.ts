/** A library with a product shot on a plain studio background, a logo and a stripe pattern. */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { Library } from '../../../electron/library';
import { makeStripes } from '../../support/images';
import { tempDirs } from '../../support/temp-dirs';

export interface AdsFixture {
  library: Library;
  dataDir: string;
  productHash: string;
  logoHash: string;
  close(): Promise<void>;
}

/** A coral "bottle" (rounded rectangle with a neck) on light grey: a clean cut-out case. */
export async function productShot(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" fill="#eeeeee"/>
    <rect x="300" y="260" width="200" height="420" rx="40" fill="#ff7f50"/><rect x="360" y="150" width="80" height="130" rx="12" fill="#1b2a4a"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function logo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300" fill="#ffffff"/><circle cx="150" cy="150" r="100" fill="#0b3d2e"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function openAdsFixture(): Promise<AdsFixture> {
  const dirs = tempDirs();
  const root = await dirs.make('ads-lib-');
  await fs.writeFile(path.join(root, 'bottle.png'), await productShot());
  await fs.writeFile(path.join(root, 'logo.png'), await logo());
  await fs.writeFile(path.join(root, 'stripes.png'), await makeStripes({ width: 600, height: 400, period: 30, orientation: 'vertical', colours: ['#1b2a4a', '#f7f3e9'] }));
  const dataDir = await dirs.make('ads-data-');
  const library = await Library.open({ dataDir });
  await library.addFolder(root);
  await library.idle();
  const hashOf = (name: string) => library.store.getFile(path.join(root, name))!.hash!;
  return {
    library, dataDir, productHash: hashOf('bottle.png'), logoHash: hashOf('logo.png'),
    async close() {
      await library.close();
      await dirs.cleanup();
    },
  };
}

export const COPY = { headline: 'Cold for 24 hours', subline: 'Steel bottle, leak-proof lid', cta: 'Shop now' };

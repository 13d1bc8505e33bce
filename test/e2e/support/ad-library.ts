import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { makeStripes } from '../../support/images';

/** A coral "bottle" with a navy cap on plain light grey: the clean cut-out case (x 300–500, y 150–680). */
async function productShot(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" fill="#eeeeee"/>
    <rect x="300" y="260" width="200" height="420" rx="40" fill="#ff7f50"/><rect x="360" y="150" width="80" height="130" rx="12" fill="#1b2a4a"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export const AD_LIBRARY = { product: 'bottle.png', pattern: 'stripes.png', count: 2 } as const;

/** A product shot and a stripe pattern the pattern theme can put behind it. */
export async function writeAdLibrary(folder: string): Promise<void> {
  await fs.writeFile(path.join(folder, AD_LIBRARY.product), await productShot());
  await fs.writeFile(
    path.join(folder, AD_LIBRARY.pattern),
    await makeStripes({
      width: 600,
      height: 400,
      period: 30,
      orientation: 'vertical',
      colours: ['#1b2a4a', '#f7f3e9'],
    }),
  );
}

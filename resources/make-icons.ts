/**
 * Renders the app icon (icon.svg → icon.png, icon.ico, icon.icns) with sharp. The outputs are
 * committed; run again only after changing icon.svg: `npx tsx resources/make-icons.ts`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = await fs.readFile(path.join(here, 'icon.svg'));
const png = (size: number) => sharp(svg, { density: 300 }).resize(size, size).png().toBuffer();

/** ICO with PNG-compressed entries (supported since Windows Vista): 6-byte header, 16-byte directory entries. */
async function ico(sizes: number[]): Promise<Buffer> {
  const images = await Promise.all(sizes.map(png));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(images[i].length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

/** ICNS with PNG entries: ic07 128, ic08 256, ic09 512, ic10 1024 (each: type, length incl. header, data). */
async function icns(): Promise<Buffer> {
  const types: [string, number][] = [
    ['ic07', 128],
    ['ic08', 256],
    ['ic09', 512],
    ['ic10', 1024],
  ];
  const chunks = await Promise.all(
    types.map(async ([type, size]) => {
      const data = await png(size);
      const head = Buffer.alloc(8);
      head.write(type, 0, 'ascii');
      head.writeUInt32BE(data.length + 8, 4);
      return Buffer.concat([head, data]);
    }),
  );
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

await fs.writeFile(path.join(here, 'icon.png'), await png(512));
await fs.writeFile(path.join(here, 'icon.ico'), await ico([16, 24, 32, 48, 64, 128, 256]));
await fs.writeFile(path.join(here, 'icon.icns'), await icns());

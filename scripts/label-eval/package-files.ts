/** Reading files out of Debian packages: download with apt-get, unpack with dpkg-deb, decode the odd formats. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import sharp from 'sharp';

/** Downloads (once) and unpacks (once) a package into `cache`; returns the unpacked root. */
export function unpackedPackage(cache: string, pkg: string): string {
  const root = path.join(cache, 'unpacked', pkg);
  if (existsSync(path.join(root, '.done'))) return root;
  const debs = path.join(cache, 'debs');
  mkdirSync(debs, { recursive: true });
  let deb = findDeb(debs, pkg);
  if (!deb) {
    download(debs, pkg);
    deb = findDeb(debs, pkg);
    if (!deb) throw new Error(`apt-get download ${pkg} produced no .deb in ${debs}`);
  }
  mkdirSync(root, { recursive: true });
  execFileSync('dpkg-deb', ['-x', path.join(debs, deb), root]);
  execFileSync('touch', [path.join(root, '.done')]);
  return root;
}

function findDeb(dir: string, pkg: string): string | undefined {
  return readdirSync(dir).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
}

function download(dir: string, pkg: string): void {
  try {
    execFileSync('apt-get', ['download', '-q', pkg], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch {
    // A fresh machine may not have package lists yet.
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['download', '-q', pkg], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

/** One member of a zip archive (LibreOffice's .sob/.sop palettes are zips of images). */
export function zipMember(archive: Buffer, name: string): Buffer {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  let at = archive.readUInt32LE(end + 16);
  const count = archive.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    if (archive.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
      const data = archive.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    at += 46 + nameLength + extra;
  }
  throw new Error(`no ${name} in the archive`);
}

/** A GIMP/Krita .pat pattern (header, then raw grey/RGB(A) pixels) as PNG. */
export function gimpPatternToPng(pat: Buffer): Promise<Buffer> {
  const header = pat.readUInt32BE(0);
  const [width, height, channels] = [pat.readUInt32BE(8), pat.readUInt32BE(12), pat.readUInt32BE(16)];
  if (pat.toString('latin1', 20, 24) !== 'GPAT' || channels < 1 || channels > 4) throw new Error('not a GIMP pattern');
  const pixels = pat.subarray(header, header + width * height * channels);
  return sharp(pixels, { raw: { width, height, channels: channels as 1 | 2 | 3 | 4 } })
    .png()
    .toBuffer();
}

/** An X11 bitmap (XBM: C source with the width, height and LSB-first bit rows) as a black-on-white PNG. */
export function xbmToPng(xbm: Buffer): Promise<Buffer> {
  const text = xbm.toString('latin1');
  const size = (name: string) => Number(new RegExp(`_${name}\\s+(\\d+)`).exec(text)?.[1] ?? NaN);
  const [width, height] = [size('width'), size('height')];
  const bits = (text.split('{')[1] ?? '').match(/0x[0-9a-f]+/gi)?.map(Number) ?? [];
  const stride = Math.ceil(width / 8);
  if (!(width > 0 && height > 0) || bits.length < stride * height) throw new Error('not an X11 bitmap');
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) pixels[y * width + x] = (bits[y * stride + (x >> 3)] >> (x & 7)) & 1 ? 0 : 255;
  return sharp(pixels, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}

export function readMember(root: string, member: string): Buffer {
  const [file, inner] = member.split(':');
  const bytes = readFileSync(path.join(root, file));
  return inner ? zipMember(bytes, inner) : bytes;
}

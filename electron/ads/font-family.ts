/**
 * The family name inside a TrueType/OpenType font file (its `name` table), which Pango needs to pick
 * the file's font: a brand font is chosen by file, and drawn by the family the file itself declares.
 */
import fs from 'node:fs/promises';
import { InvalidRequestError } from '../../shared/errors';

const TYPOGRAPHIC_FAMILY = 16;
const FAMILY = 1;
const WINDOWS = 3;
const MACINTOSH = 1;

const families = new Map<string, Promise<string>>();

/** The file's family name (cached per path); a clear error for a file that is not a font. */
export function fontFamilyOf(file: string): Promise<string> {
  let family = families.get(file);
  if (!family) {
    family = readFamily(file);
    families.set(file, family);
    family.catch(() => families.delete(file));
  }
  return family;
}

async function readFamily(file: string): Promise<string> {
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InvalidRequestError(`cannot read the font file ${file}: ${error.code ?? error.message}`);
  });
  const name = familyFromSfnt(bytes);
  if (!name) throw new InvalidRequestError(`${file} is not a TrueType or OpenType font (.ttf, .otf)`);
  return name;
}

/** The family name of an sfnt (TTF/OTF, or the first font of a TTC), or null when the bytes are not one. */
export function familyFromSfnt(bytes: Buffer): string | null {
  if (bytes.length < 12) return null;
  const start = bytes.toString('latin1', 0, 4) === 'ttcf' ? bytes.readUInt32BE(12) : 0;
  const version = bytes.readUInt32BE(start);
  if (![0x00010000, 0x4f54544f, 0x74727565].includes(version)) return null;
  const tables = bytes.readUInt16BE(start + 4);
  for (let t = 0; t < tables; t++) {
    const record = start + 12 + t * 16;
    if (record + 16 > bytes.length) return null;
    if (bytes.toString('latin1', record, record + 4) === 'name')
      return familyInNameTable(bytes, bytes.readUInt32BE(record + 8));
  }
  return null;
}

function familyInNameTable(bytes: Buffer, table: number): string | null {
  if (table + 6 > bytes.length) return null;
  const count = bytes.readUInt16BE(table + 2);
  const strings = table + bytes.readUInt16BE(table + 4);
  const found = new Map<string, string>();
  for (let r = 0; r < count; r++) {
    const at = table + 6 + r * 12;
    if (at + 12 > bytes.length) break;
    const platform = bytes.readUInt16BE(at);
    const nameId = bytes.readUInt16BE(at + 6);
    if (nameId !== FAMILY && nameId !== TYPOGRAPHIC_FAMILY) continue;
    const length = bytes.readUInt16BE(at + 8);
    const offset = strings + bytes.readUInt16BE(at + 10);
    if (offset + length > bytes.length) continue;
    const raw = bytes.subarray(offset, offset + length);
    if (platform === WINDOWS) found.set(`${nameId}`, utf16be(raw));
    else if (platform === MACINTOSH && !found.has(`${nameId}`)) found.set(`${nameId}`, raw.toString('latin1'));
  }
  return found.get(`${TYPOGRAPHIC_FAMILY}`) || found.get(`${FAMILY}`) || null;
}

function utf16be(raw: Buffer): string {
  const swapped = Buffer.from(raw.subarray(0, raw.length - (raw.length % 2)));
  swapped.swap16();
  return swapped.toString('utf16le');
}

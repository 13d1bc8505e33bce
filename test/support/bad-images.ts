/** Files the ingest must refuse with a clear reason. */
import sharp from 'sharp';

/** The first `fraction` of a real image's bytes, as a cut-off download would leave it. */
export function truncated(bytes: Buffer, fraction = 0.6): Buffer {
  return Buffer.from(bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

export function notAnImage(): Buffer {
  return Buffer.from('This is a text file that someone named .png\n'.repeat(20));
}

/**
 * A small, valid PNG whose IHDR declares `width`×`height` (with a correct CRC), the shape
 * of a decompression bomb: cheap to read, enormous to decode.
 */
export async function oversizePngHeader(width = 30000, height = 30000): Promise<Buffer> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  const out = Buffer.from(png);
  // Signature (8) + length (4) + "IHDR" (4): width and height follow at 16 and 20.
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

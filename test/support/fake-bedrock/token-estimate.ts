/**
 * Token counts for replies a test did not give usage for, close enough that cost figures
 * look like Bedrock's: about 4 characters a token for every string in the request (system,
 * messages, tool specs; not image bytes), and Anthropic's published image rule,
 * width × height / 750, capped at 1600 because Claude downsizes larger images. An image
 * whose size cannot be read cheaply (anything but PNG and JPEG) counts as the cap.
 */

const CHARS_PER_TOKEN = 4;
const PIXELS_PER_TOKEN = 750;
const MAX_IMAGE_TOKENS = 1600;

export function estimateInputTokens(request: unknown): number {
  let chars = 0;
  let imageTokens = 0;
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (key === 'bytes') imageTokens += imageTokenCount(Buffer.from(value, 'base64'));
      else chars += value.length;
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(request, '');
  return Math.max(1, Math.ceil(chars / CHARS_PER_TOKEN) + imageTokens);
}

export const estimateOutputTokens = (content: unknown): number =>
  Math.max(1, Math.ceil(JSON.stringify(content).length / CHARS_PER_TOKEN));

export function imageTokenCount(bytes: Buffer): number {
  const size = imageSize(bytes);
  if (!size) return MAX_IMAGE_TOKENS;
  return Math.min(MAX_IMAGE_TOKENS, Math.ceil((size.width * size.height) / PIXELS_PER_TOKEN));
}

interface Size {
  width: number;
  height: number;
}

/** A PNG's or a JPEG's size, read from its header; undefined for anything else. */
export const imageSize = (bytes: Buffer): Size | undefined => pngSize(bytes) ?? jpegSize(bytes);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The first chunk of a PNG is IHDR, whose first fields are width and height. */
function pngSize(b: Buffer): Size | undefined {
  if (b.length < 24 || !b.subarray(0, 8).equals(PNG_SIGNATURE) || b.toString('latin1', 12, 16) !== 'IHDR')
    return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Walks the JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegSize(b: Buffer): Size | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + b.readUInt16BE(i + 2);
  }
  return undefined;
}

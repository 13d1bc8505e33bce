import path from 'node:path';

/** Extensions the library ingests; everything else in a folder is not an image and is skipped silently. */
const IMAGE_EXTENSIONS = new Set([
  '.jpg',
  '.jpeg',
  '.jpe',
  '.png',
  '.webp',
  '.gif',
  '.tif',
  '.tiff',
  '.avif',
  '.heic',
  '.heif',
  '.svg',
]);

/** Suffixes of downloads and saves still in progress: picked up once renamed to their final name. */
const PARTIAL_SUFFIXES = ['.crdownload', '.part', '.partial', '.download', '.tmp', '.temp', '.swp', '.!ut'];

const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', 'icon\r']);

/** Hidden files, Office lock files (`~$x`), OS litter and partial downloads are never library content. */
export function isIgnoredName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('.') || lower.startsWith('~$') || SYSTEM_FILES.has(lower)) return true;
  return PARTIAL_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** True for any path with an ignored segment below `root` (a hidden folder hides its contents). */
export function isIgnoredPath(filePath: string, root?: string): boolean {
  const relative = root ? path.relative(root, filePath) : filePath;
  return relative.split(path.sep).some((segment) => segment !== '' && segment !== '..' && isIgnoredName(segment));
}

export function isImageFile(filePath: string): boolean {
  return IMAGE_EXTENSIONS.has(path.extname(filePath).toLowerCase());
}

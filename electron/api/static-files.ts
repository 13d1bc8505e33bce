import path from 'node:path';
import { containedRealPath, realRoots } from '../library';

export interface StaticFile {
  path: string;
  contentType: string;
  /** Vite's hashed build output under assets/ never changes under the same name. */
  immutable: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a URL path onto the built renderer: `bad` for malformed or hostile paths, `missing`
 * for a file-like path that is not there, otherwise the file (index.html for app routes,
 * so a reload on a client-side route still loads the app).
 */
export async function resolveStaticFile(rootDir: string, rawPathname: string): Promise<StaticFile | 'bad' | 'missing'> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return 'bad';
  }
  const segments = decoded.split('/').filter(Boolean);
  if (decoded.includes('\0') || decoded.includes('\\') || segments.some((s) => s === '..' || s === '.')) return 'bad';
  const roots = await realRoots([rootDir]);
  const candidate = segments.length ? path.join(rootDir, ...segments) : path.join(rootDir, 'index.html');
  const found = await containedRealPath(roots, candidate);
  if (found) return describe(found, segments[0] === 'assets');
  if (path.extname(decoded)) return 'missing';
  const index = await containedRealPath(roots, path.join(rootDir, 'index.html'));
  return index ? describe(index, false) : 'missing';
}

function describe(filePath: string, immutable: boolean): StaticFile {
  const contentType = CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  return { path: filePath, contentType, immutable };
}

import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MEDIA_KINDS, type MediaKind } from '../../shared/api/bridge';
import { previewPath, renderPreview, renderThumbnail, thumbnailPath } from '../imaging';
import { containedRealPath, realRoots } from '../library';

/**
 * Which file a media URL may serve. Shared by the Electron `swatchbook-media:` protocol and
 * the browser-mode HTTP server, so the one piece of path-containment logic is tested in Node.
 * A request names only a kind and a content hash; the file path always comes from the cache
 * folder or the store, and is served only if its real path is inside an allowed root.
 * A thumbnail or preview this machine did not write is rendered here from the original on first request.
 */
export interface MediaRequest {
  kind: MediaKind;
  hash: string;
}

export interface MediaSources {
  cacheDir: string;
  /** Library folder paths: originals are served only from inside these. */
  roots(): string[];
  /** Where the asset's bytes are, preferred first. */
  locations(hash: string): string[];
  /** The library's pixel limit, applied when a preview is rendered on request (default 200 megapixels). */
  pixelLimit?: number;
}

export interface ResolvedMedia {
  path: string;
  contentType: string;
  /** Thumbnails and previews are content-addressed: the bytes under a hash never change. */
  immutable: boolean;
}

const REQUEST = /^([a-z]+)\/([0-9a-f]{64})$/;

/** Parses exactly `<kind>/<hash>` on the raw, still percent-encoded path: encoded tricks never match. */
export function parseMediaRequest(rawPath: string): MediaRequest | null {
  const match = REQUEST.exec(rawPath);
  if (!match || !(MEDIA_KINDS as readonly string[]).includes(match[1])) return null;
  return { kind: match[1] as MediaKind, hash: match[2] };
}

export async function resolveMedia(sources: MediaSources, request: MediaRequest): Promise<ResolvedMedia | null> {
  if (request.kind === 'original') {
    const roots = await realRoots(sources.roots());
    for (const location of sources.locations(request.hash)) {
      const real = await containedRealPath(roots, location);
      if (real) return { path: real, contentType: contentTypeOf(real), immutable: false };
    }
    return null;
  }
  const real = await renderedFile(sources, request.kind, request.hash);
  return real ? { path: real, contentType: 'image/webp', immutable: true } : null;
}

/** How each cached view is rendered when this machine has not made it (see preview.ts). */
const RENDERERS = {
  thumb: { pathOf: thumbnailPath, render: renderThumbnail },
  preview: { pathOf: previewPath, render: renderPreview },
} as const;

async function cachedFile(sources: MediaSources, file: string): Promise<string | null> {
  return containedRealPath(await realRoots([sources.cacheDir]), file);
}

/** Views being rendered, by cache path: concurrent requests for one asset share one render. */
const rendering = new Map<string, Promise<string | null>>();

/** The cached view, rendered from the original first if this machine has not made it. */
async function renderedFile(sources: MediaSources, kind: keyof typeof RENDERERS, hash: string): Promise<string | null> {
  const file = RENDERERS[kind].pathOf(sources.cacheDir, hash);
  const pending = rendering.get(file);
  if (pending) return pending;
  const cached = await cachedFile(sources, file);
  if (cached) return cached;
  let render = rendering.get(file);
  if (!render) {
    render = renderFromOriginal(sources, kind, hash, file).finally(() => rendering.delete(file));
    rendering.set(file, render);
  }
  return render;
}

async function renderFromOriginal(
  sources: MediaSources,
  kind: keyof typeof RENDERERS,
  hash: string,
  file: string,
): Promise<string | null> {
  // A render that finished while this request was looking at the cache has already written it.
  const done = await cachedFile(sources, file);
  if (done) return done;
  const original = await readOriginal(sources, hash);
  if (!original) return null;
  try {
    await RENDERERS[kind].render(sources.cacheDir, hash, original, sources.pixelLimit);
  } catch {
    // Bytes that hash right but cannot be rendered (over the library's pixel limit, say): nothing to show.
    return null;
  }
  return cachedFile(sources, file);
}

/**
 * The bytes of the first location inside a library folder that still hash to `hash`: an
 * original edited since ingest must not become the preview of what was ingested.
 */
async function readOriginal(sources: MediaSources, hash: string): Promise<Buffer | null> {
  const roots = await realRoots(sources.roots());
  for (const location of sources.locations(hash)) {
    const real = await containedRealPath(roots, location);
    const bytes = real && (await fs.readFile(real).catch(() => null));
    if (bytes && createHash('sha256').update(bytes).digest('hex') === hash) return bytes;
  }
  return null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.jpe': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.avif': 'image/avif',
  '.heic': 'image/heic',
  '.heif': 'image/heif',
  '.svg': 'image/svg+xml',
};

export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

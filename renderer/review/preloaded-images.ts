/** Enough for the items around the current one; older ones fall back to the HTTP cache. */
const KEEP = 12;

/** Decoded images, held so the browser keeps them ready: showing one is then a cache hit. */
const images = new Map<string, HTMLImageElement>();

/** Fetches and decodes an image ahead of time, so the `<img>` that later shows it renders at once. */
export function preloadImage(url: string): void {
  const held = images.get(url);
  images.delete(url);
  if (held) {
    images.set(url, held);
    return;
  }
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  // A failed preload is not an error: the item shows its own broken image, if any.
  image.decode().catch(() => undefined);
  images.set(url, image);
  for (const oldest of images.keys()) {
    if (images.size <= KEEP) break;
    images.delete(oldest);
  }
}

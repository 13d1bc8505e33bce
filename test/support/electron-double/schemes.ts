/** Schemes registered with protocol.registerSchemesAsPrivileged, and their privileges. */
export const privilegedSchemes = new Map<string, Electron.Privileges>();

const schemeOf = (url: URL) => url.protocol.slice(0, -1);

/**
 * The URL as Chromium hands it on: a standard scheme is canonicalised like https (lower-case host,
 * backslashes read as slashes, `.`, `..` and `%2e%2e` segments resolved); other URLs as WHATWG parses them.
 */
export function canonicalUrl(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1].toLowerCase();
  if (!scheme || !privilegedSchemes.get(scheme)?.standard) return new URL(url).href;
  const asHttps = new URL(`https:${url.trim().slice(scheme.length + 1)}`);
  return `${scheme}:${asHttps.href.slice('https:'.length)}`;
}

/** A frame's origin as Chromium has it: a standard scheme has a real origin, a non-standard one is opaque. */
export function originOf(url: string): string {
  try {
    const parsed = new URL(canonicalUrl(url));
    if (privilegedSchemes.get(schemeOf(parsed))?.standard) return `${parsed.protocol}//${parsed.host}`;
    return parsed.origin;
  } catch {
    return 'null';
  }
}

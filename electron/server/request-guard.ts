import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';

/** A fresh secret per run: whoever can read the printed URL can use the server, nobody else. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time whatever the lengths (hashing first makes both sides 32 bytes). */
export function tokensEqual(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Host headers the server answers to. Anything else is a DNS-rebinding attempt: a foreign
 * name that resolves to 127.0.0.1 would otherwise make our origin look like the attacker's.
 */
export function allowedHosts(port: number, bindHost: string): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (bindHost === '0.0.0.0' || bindHost === '::') {
    for (const address of Object.values(os.networkInterfaces()).flat()) {
      if (address) names.add(address.family === 'IPv6' ? `[${address.address}]` : address.address);
    }
  } else {
    names.add(bindHost.includes(':') ? `[${bindHost}]` : bindHost.toLowerCase());
  }
  return new Set([...names].map((name) => `${name}:${port}`));
}

/** What a request must show to be let in; fixed once the server knows its port. */
export interface Access {
  token: string;
  hosts: Set<string>;
  cookieName: string;
}

export function accessFor(token: string, port: number, bindHost: string): Access {
  return { token, hosts: allowedHosts(port, bindHost), cookieName: tokenCookieName(port) };
}

/**
 * Browsers keep cookies per host, not per port: under one name, two servers on 127.0.0.1
 * would overwrite each other's token. Named after the port, each keeps its own.
 */
export function tokenCookieName(port: number): string {
  return `swatchbook_token_${port}`;
}

export type GuardVerdict = { ok: true; tokenFromQuery: boolean } | { ok: false; status: 401 | 403; reason: string };

/** Every request, whatever it asks for, passes here first. */
export function checkRequest(req: IncomingMessage, query: URLSearchParams, access: Access): GuardVerdict {
  const { token } = access;
  const host = (req.headers.host ?? '').toLowerCase();
  if (!access.hosts.has(host)) return { ok: false, status: 403, reason: 'unexpected Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`)
    return { ok: false, status: 403, reason: 'cross-origin request refused' };
  // same-site covers other localhost ports, which are other apps, not us.
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site')
    return { ok: false, status: 403, reason: 'cross-site request refused' };
  const fromCookie = cookieValues(req.headers.cookie, access.cookieName);
  if (fromCookie.some((value) => tokensEqual(value, token))) return { ok: true, tokenFromQuery: false };
  const fromQuery = query.get('token');
  if (fromQuery !== null && tokensEqual(fromQuery, token)) return { ok: true, tokenFromQuery: true };
  return { ok: false, status: 401, reason: 'missing or wrong token: open the URL printed by `npm run serve`' };
}

export function tokenCookie(access: Access): string {
  return `${access.cookieName}=${access.token}; HttpOnly; SameSite=Strict; Path=/`;
}

function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  return header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
}

import { afterEach, describe, expect, it } from 'vitest';
import { APP_URL, startTestShell, type TestShell } from '../../support/shell-harness';

const PACKAGED_CSP =
  "default-src 'self'; img-src 'self' swatchbook-media: data: blob:; media-src 'self' data: blob:; style-src 'self'; script-src 'self'; " +
  "connect-src 'self' swatchbook-media:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";
/** Vite's dev server injects React Refresh's inline preamble, CSS as style elements, and talks over a socket. */
const DEV_CSP =
  "default-src 'self'; img-src 'self' swatchbook-media: data: blob:; media-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
  "script-src 'self' 'unsafe-inline'; connect-src 'self' ws: swatchbook-media:; object-src 'none'; " +
  "frame-ancestors 'none'; base-uri 'none'";

/** A response that brings its own, weaker policy, under both spellings of the header name. */
const RESPONSE_HEADERS = {
  'Content-Security-Policy': ['default-src *'],
  'content-security-policy': ["script-src 'unsafe-eval'"],
  'X-Served-By': ['vite'],
};

/** The response's other headers, and exactly one policy: ours. */
const withPolicy = (csp: string) => ({ 'X-Served-By': ['vite'], 'Content-Security-Policy': [csp] });

let shell: TestShell;
afterEach(() => shell?.quit());

const pageHeaders = (url: string, resourceType: 'mainFrame' | 'subFrame' | 'script' = 'mainFrame') =>
  shell.double.session.headersReceived({ url, resourceType, responseHeaders: RESPONSE_HEADERS });

describe('the content security policy of the app page', () => {
  it('replaces whatever policy the packaged page came with, on every route', async () => {
    shell = await startTestShell();
    for (const url of [APP_URL, 'swatchbook://app/library?view=grid']) {
      expect(await pageHeaders(url), url).toEqual(withPolicy(PACKAGED_CSP));
    }
  });

  it("replaces the dev server page's policy with the dev one, which lets Vite's styles and preamble in", async () => {
    shell = await startTestShell({ devServerUrl: 'http://localhost:5173' });
    expect(await pageHeaders('http://localhost:5173/')).toEqual(withPolicy(DEV_CSP));
  });

  it('leaves foreign pages, subframes and subresources alone', async () => {
    shell = await startTestShell({ devServerUrl: 'http://localhost:5173' });
    const untouched: [string, 'mainFrame' | 'subFrame' | 'script'][] = [
      ['https://evil.example/', 'mainFrame'],
      ['swatchbook://evil/index.html', 'mainFrame'],
      ['http://localhost:5174/', 'mainFrame'],
      ['file:///etc/passwd', 'mainFrame'],
      [APP_URL, 'subFrame'],
      [APP_URL, 'script'],
      ['http://localhost:5173/src/main.tsx', 'script'],
    ];
    for (const [url, type] of untouched) {
      expect(await pageHeaders(url, type), `${type} ${url}`).toEqual(RESPONSE_HEADERS);
    }
  });

  it('comes with every file the app protocol serves', async () => {
    shell = await startTestShell();
    for (const url of [APP_URL, 'swatchbook://app/assets/app-1234.js', 'swatchbook://app/review']) {
      const response = await shell.double.protocol.request(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-security-policy'), url).toBe(PACKAGED_CSP);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });
});

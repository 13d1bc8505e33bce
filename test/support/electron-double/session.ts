import { app } from './app';
import type { WebContents } from './windows';

type Permission = Parameters<NonNullable<Parameters<Electron.Session['setPermissionCheckHandler']>[0]>>[1];
type PermissionRequestHandler = (
  contents: WebContents,
  permission: Permission,
  callback: (granted: boolean) => void,
  details: object,
) => void;
type PermissionCheckHandler = (
  contents: WebContents | null,
  permission: Permission,
  requestingOrigin: string,
  details: object,
) => boolean;
type HeadersReceivedListener = (
  details: Electron.OnHeadersReceivedListenerDetails,
  callback: (response: Electron.HeadersReceivedResponse) => void,
) => void;

/** A Chrome match pattern ('*://*.example.com/*', '<all_urls>') as a regular expression. */
function matchPattern(pattern: string): RegExp {
  if (pattern === '<all_urls>') return /^/;
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** What the default session was given; Electron does not read these back, tests do. */
const registered = {
  headers: null as { filter: Electron.WebRequestFilter | null; listener: HeadersReceivedListener } | null,
  permissionRequest: null as PermissionRequestHandler | null,
  permissionCheck: null as PermissionCheckHandler | null,
};

/** Only the last listener set is used (Electron's rule); null removes it. */
class WebRequest {
  onHeadersReceived(
    filterOrListener: Electron.WebRequestFilter | HeadersReceivedListener | null,
    listener?: HeadersReceivedListener | null,
  ): void {
    if (typeof filterOrListener === 'function' || filterOrListener === null) {
      registered.headers = filterOrListener && { filter: null, listener: filterOrListener };
    } else {
      registered.headers = listener ? { filter: filterOrListener, listener } : null;
    }
  }
}

class Session {
  readonly webRequest = new WebRequest();

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    registered.permissionRequest = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    registered.permissionCheck = handler;
  }
}

const defaultSession = new Session();

export const session = {
  get defaultSession(): Session {
    if (!app.isReady()) throw new Error('Session can only be received when app is ready');
    return defaultSession;
  },
};

export interface ReceivedResponse {
  url: string;
  resourceType: Electron.OnHeadersReceivedListenerDetails['resourceType'];
  responseHeaders?: Record<string, string[]>;
  statusCode?: number;
  /** The contents whose page made the request. */
  contents?: WebContents;
}

let nextRequestId = 1;

/** The page's side of the session: Chromium asking for permissions and passing response headers by. */
export const sessionDouble = {
  /** A page asks for a permission; with no handler set, Electron grants it. */
  askPermission(contents: WebContents, permission: Permission, details: object = {}): Promise<boolean> {
    const handler = registered.permissionRequest;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, details));
  },
  /** Chromium checks a permission synchronously; with no handler set, Electron allows it. */
  checkPermission(contents: WebContents | null, permission: Permission, requestingOrigin: string): boolean {
    const handler = registered.permissionCheck;
    const details = { isMainFrame: true, requestingUrl: requestingOrigin };
    return handler ? handler(contents, permission, requestingOrigin, details) : true;
  },
  /**
   * A response's headers pass the onHeadersReceived listener (if its filter matches): resolves with
   * the headers the page gets, or 'cancelled'.
   */
  headersReceived(response: ReceivedResponse): Promise<Record<string, string[]> | 'cancelled'> {
    const original = response.responseHeaders ?? {};
    const hook = registered.headers;
    if (!hook || !filterMatches(hook.filter, response)) return Promise.resolve(original);
    const statusCode = response.statusCode ?? 200;
    const details: Electron.OnHeadersReceivedListenerDetails = {
      id: nextRequestId++,
      url: response.url,
      method: 'GET',
      webContentsId: response.contents?.id,
      resourceType: response.resourceType,
      referrer: '',
      timestamp: Date.now(),
      statusLine: `HTTP/1.1 ${statusCode}`,
      statusCode,
      responseHeaders: structuredClone(original),
    };
    return new Promise((resolve) =>
      hook.listener(details, (reply) => {
        if (reply.cancel) return resolve('cancelled');
        resolve(reply.responseHeaders ? asLists(reply.responseHeaders) : original);
      }),
    );
  },
};

/** A header given as one string is one value. */
function asLists(headers: Record<string, string | string[]>): Record<string, string[]> {
  const asList = (value: string | string[]) => (typeof value === 'string' ? [value] : value);
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, asList(value)]));
}

function filterMatches(filter: Electron.WebRequestFilter | null, response: ReceivedResponse): boolean {
  if (!filter) return true;
  const matches = (patterns: string[]) => patterns.some((pattern) => matchPattern(pattern).test(response.url));
  if (filter.excludeUrls && matches(filter.excludeUrls)) return false;
  const types: readonly string[] | undefined = filter.types;
  return (filter.urls.length === 0 || matches(filter.urls)) && (!types || types.includes(response.resourceType));
}

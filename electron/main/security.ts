import { app, session } from 'electron';
import { appCsp, isAppUrl } from './app-urls';

/**
 * Locks down every web contents the app creates: the UI shows local images and needs no
 * permissions, no navigation away from itself, no popups and no webviews.
 */
export function hardenApp(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url) || details.resourceType !== 'mainFrame') return callback({});
    const kept = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    // Scanner finding reviewed: it cannot parse a policy built by a function; test/integration/shell checks it.
    callback({
      /* eng-disable CSP_GLOBAL_CHECK @preserve */ responseHeaders: { ...kept, 'Content-Security-Policy': [appCsp()] },
    });
  });

  app.on('web-contents-created', (_event, contents) => {
    // The UI routes client-side; any real navigation (a dropped file, a stray link) is refused.
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

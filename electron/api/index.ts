/**
 * The one implementation of the API contract and what every transport (Electron IPC, browser-mode
 * HTTP) shares: the host that validates and dispatches calls, the live event feed, and the rules for
 * serving media and the built renderer.
 */
export { createSwatchbookApi } from './swatchbook-api';
export { dispatchApiCall, ApiInputError, UnknownMethodError, isApiMethod } from './dispatch';
export { ApiHost } from './api-host';
export { ApiEventFeed, type ApiEventTiming } from './api-events';
export { OpeningHost, type OpenApiHost } from './opening-host';
export {
  parseMediaRequest,
  resolveMedia,
  type MediaRequest,
  type MediaSources,
  type ResolvedMedia,
} from './media-resolver';
export { resolveStaticFile } from './static-files';
export { APP_CSP, COMMON_HEADERS, mediaHeaders } from './security-headers';

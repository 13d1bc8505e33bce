export { startServer, type ServerOptions, type SwatchbookServer } from './http-server';
export { ApiHost } from './api-host';
export { ApiEventFeed, type ApiEventTiming } from './api-events';
export { parseMediaRequest, resolveMedia, type MediaRequest, type MediaSources, type ResolvedMedia } from './media-resolver';
export { resolveStaticFile } from './static-files';
export { APP_CSP, COMMON_HEADERS, mediaHeaders } from './security-headers';

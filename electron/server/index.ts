/** Browser mode: the API host served over HTTP on loopback, behind a token. */
export { startServer, type ServerOptions, type SwatchbookServer } from './http-server';

import type { IncomingMessage } from 'node:http';

/** The largest request body: a setTags call over 100,000 hashes is about 7 MB. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`request body too large: the limit is ${MAX_BODY_BYTES / (1024 * 1024)} MB`);
  }
}

/** A Content-Length over the limit is refused before a byte of the body is read. */
export function declaresTooLarge(req: IncomingMessage): boolean {
  return Number(req.headers['content-length']) > MAX_BODY_BYTES;
}

/**
 * The whole body as UTF-8. Past the limit it stops reading (nothing more is buffered) and
 * rejects with BodyTooLargeError, leaving the connection open so the caller can still answer
 * 413: destroying the request instead reaches the client as a reset, not an answer.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLargeError());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

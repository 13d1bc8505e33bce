/**
 * The user's S3 bucket, as far as Bedrock's jobs need it: the app uploads batch input with PutObject, jobs
 * write their output here, and the app reads it back with GetObject; path-style (`PUT|GET /bucket/key`), over
 * HTTP/1.1 like the SDK's S3 client, with S3's XML errors. Objects are kept by their `s3://bucket/key` URI.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { RecordedRequest } from './fake-bedrock-server';
import type { IncomingCall, Route, WireReply } from './wire';

/**
 * Bytes, or bytes still in the making (the test video is encoded on first use). Batch jobs read only whole
 * objects, which is all PutObject and the jobs themselves store.
 */
export type S3Objects = Map<string, Buffer | Promise<Buffer>>;

export function s3Route(method: string, url: string): Route & { objectUri?: string } {
  const [bucket, ...key] = url.split('?')[0].slice(1).split('/');
  const api = method === 'GET' ? 's3GetObject' : method === 'PUT' ? 's3PutObject' : undefined;
  if (!api || !bucket || !key.join('')) return { api: 'unknown' };
  return { api, objectUri: `s3://${bucket}/${key.map(decodeURIComponent).join('/')}` };
}

export async function s3Reply(
  objects: S3Objects,
  entry: RecordedRequest,
  call: IncomingCall,
  objectUri?: string,
): Promise<WireReply> {
  const key = objectUri?.replace(/^s3:\/\/[^/]+\//, '');
  if (!entry.auth) return s3Error(403, 'AccessDenied', 'Access Denied', key);
  if (entry.api === 's3PutObject' && objectUri) return putObject(objects, call, objectUri);
  if (entry.api !== 's3GetObject' || !objectUri) {
    return s3Error(
      501,
      'NotImplemented',
      `fake-bedrock's S3 implements only GetObject and PutObject, not ${entry.method}`,
    );
  }
  const bytes = await objects.get(objectUri);
  if (!bytes) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', key);
  return {
    status: 200,
    headers: {
      'content-type': contentTypeOf(objectUri),
      'content-length': String(bytes.length),
      etag: etagOf(bytes),
      'last-modified': new Date().toUTCString(),
      'accept-ranges': 'bytes',
      ...s3RequestIds(),
    },
    body: bytes,
  };
}

/**
 * The SDK sends a Buffer body as is, with its CRC32 in `x-amz-checksum-crc32`; a stream of known length goes
 * `aws-chunked` with the checksum in a trailer. S3 stores the decoded bytes and refuses a checksum that does
 * not match them, which here also catches a chunked body decoded wrong.
 */
function putObject(objects: S3Objects, call: IncomingCall, objectUri: string): WireReply {
  const chunked = /\baws-chunked\b/.test(call.headers['content-encoding'] ?? '');
  const decoded = chunked ? decodeAwsChunked(call.body) : { bytes: call.body, trailers: {} };
  const declaredLength = call.headers['x-amz-decoded-content-length'];
  if (!decoded || (chunked && declaredLength !== String(decoded.bytes.length))) {
    return s3Error(400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length.');
  }
  const checksum = call.headers['x-amz-checksum-crc32'] ?? decoded.trailers['x-amz-checksum-crc32'];
  const actual = crc32Of(decoded.bytes);
  if (checksum !== undefined && checksum !== actual) {
    return s3Error(400, 'BadDigest', 'The CRC32 you specified did not match the calculated checksum.');
  }
  objects.set(objectUri, decoded.bytes);
  return {
    status: 200,
    headers: {
      'content-length': '0',
      etag: etagOf(decoded.bytes),
      'x-amz-server-side-encryption': 'AES256',
      ...(checksum !== undefined ? { 'x-amz-checksum-crc32': actual, 'x-amz-checksum-type': 'FULL_OBJECT' } : {}),
      ...s3RequestIds(),
    },
    body: '',
  };
}

/**
 * `aws-chunked`: `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` repeated, a zero-size chunk, then trailer
 * lines `name:value\r\n` and an empty line. Undefined when the body breaks off or a size is not hex.
 */
function decodeAwsChunked(body: Buffer): { bytes: Buffer; trailers: Record<string, string> } | undefined {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = lineEnd < 0 ? NaN : parseInt(body.toString('latin1', at, lineEnd).split(';')[0], 16);
    if (Number.isNaN(size) || lineEnd + 2 + size > body.length) return undefined;
    at = lineEnd + 2;
    if (size === 0) break;
    chunks.push(body.subarray(at, at + size));
    at += size + 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.toString('latin1', at).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { bytes: Buffer.concat(chunks), trailers };
}

/** As S3 sends it: the big-endian CRC32, base64. */
function crc32Of(bytes: Buffer): string {
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(bytes));
  return checksum.toString('base64');
}

const etagOf = (bytes: Buffer) => `"${createHash('md5').update(bytes).digest('hex')}"`;

/** What S3 would have been told at upload, guessed from the key: the fake does not keep PutObject's header. */
function contentTypeOf(objectUri: string): string {
  if (objectUri.endsWith('.mp4')) return 'video/mp4';
  if (/\.(json|jsonl|out)$/.test(objectUri)) return 'application/json';
  return 'application/octet-stream';
}

/** S3 names the error in an XML body's `Code`, which the SDK makes the error's name. */
function s3Error(status: number, code: string, message: string, key?: string): WireReply {
  const ids = s3RequestIds();
  const keyElement = key ? `<Key>${xmlText(key)}</Key>` : '';
  return {
    status,
    headers: { 'content-type': 'application/xml', ...ids },
    body:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<Error><Code>${code}</Code><Message>${message}</Message>${keyElement}` +
      `<RequestId>${ids['x-amz-request-id']}</RequestId><HostId>${ids['x-amz-id-2']}</HostId></Error>`,
  };
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const s3RequestIds = () => ({
  'x-amz-request-id': randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(),
  'x-amz-id-2': randomBytes(48).toString('base64'),
});

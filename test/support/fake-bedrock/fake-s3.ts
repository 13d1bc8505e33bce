/**
 * The user's S3 bucket, as far as Bedrock's asynchronous jobs need it: jobs write their output here and
 * the app reads it back with GetObject, path-style (`GET /bucket/key`), over HTTP/1.1 like the SDK's S3
 * client, with S3's XML errors. Objects are kept by their `s3://bucket/key` URI.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { RecordedRequest } from './fake-bedrock-server';
import type { Route, WireReply } from './wire';

/** Bytes may still be in the making (the test video is encoded on first use). */
export type S3Objects = Map<string, Promise<Buffer>>;

export function s3Route(method: string, url: string): Route & { objectUri?: string } {
  const [bucket, ...key] = url.split('?')[0].slice(1).split('/');
  if (method !== 'GET' || !bucket || !key.join('')) return { api: 'unknown' };
  return { api: 's3GetObject', objectUri: `s3://${bucket}/${key.map(decodeURIComponent).join('/')}` };
}

export async function s3Reply(objects: S3Objects, entry: RecordedRequest, objectUri?: string): Promise<WireReply> {
  const key = objectUri?.replace(/^s3:\/\/[^/]+\//, '');
  if (!entry.auth) return s3Error(403, 'AccessDenied', 'Access Denied', key);
  if (entry.api !== 's3GetObject' || !objectUri) {
    return s3Error(501, 'NotImplemented', `fake-bedrock's S3 implements only GetObject, not ${entry.method}`);
  }
  const bytes = await objects.get(objectUri);
  if (!bytes) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', key);
  return {
    status: 200,
    headers: {
      'content-type': 'video/mp4',
      'content-length': String(bytes.length),
      etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
      'last-modified': new Date().toUTCString(),
      'accept-ranges': 'bytes',
      ...s3RequestIds(),
    },
    body: bytes,
  };
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

/**
 * The user's S3 bucket as batch jobs use it: JSONL input written there, output read back line by line (an
 * output file echoes every record's images, so it is streamed, never held whole). S3's own error text is
 * not repeated: it can echo the request's signature.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { InvalidRequestError, UpstreamError } from '../../../shared/errors';

export interface S3Location {
  bucket: string;
  /** A key, or a folder's prefix without a trailing slash; '' for the bucket's top. */
  key: string;
}

const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;

/** The batch location from Settings → AI, or a refusal saying where to set it. */
export function batchLocation(s3Uri: string | undefined): S3Location {
  const match = S3_URI.exec(s3Uri?.trim() ?? '');
  if (!match) {
    const given = s3Uri?.trim() ? ` ("${s3Uri.trim()}" is not one)` : '';
    throw new InvalidRequestError(
      `A batch run needs an S3 location${given}: set one in Settings → AI (s3://bucket/prefix) that your AWS ` +
        'credentials and the batch role can read and write.',
    );
  }
  return { bucket: match[1], key: (match[2] ?? '').replace(/\/+$/, '') };
}

/** The object is not there (moved, deleted, expired by the bucket's rules): asking again will not bring it back. */
export class MissingObjectError extends UpstreamError {}

export const uriOf = ({ bucket, key }: S3Location): string => `s3://${bucket}/${key}`;

export function under(location: S3Location, ...parts: string[]): S3Location {
  return { bucket: location.bucket, key: [location.key, ...parts].filter(Boolean).join('/') };
}

export async function putObject(s3: S3Client, at: S3Location, body: Buffer, signal?: AbortSignal): Promise<void> {
  try {
    await s3.send(new PutObjectCommand({ Bucket: at.bucket, Key: at.key, Body: body }), { abortSignal: signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new UpstreamError(bucketFailure(error, uriOf(at), 'write'));
  }
}

/** Each line of an object, as it arrives. */
export async function* objectLines(s3: S3Client, at: S3Location, signal?: AbortSignal): AsyncGenerator<string> {
  let body: Readable;
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: at.bucket, Key: at.key }), { abortSignal: signal });
    if (!object.Body) throw new Error('S3 sent no body');
    body = object.Body as Readable;
  } catch (error) {
    if (signal?.aborted) throw error;
    const message = bucketFailure(error, uriOf(at), 'read');
    throw (error as { name?: string }).name === 'NoSuchKey'
      ? new MissingObjectError(message)
      : new UpstreamError(message);
  }
  for await (const line of createInterface({ input: body, crlfDelay: Infinity })) if (line.trim()) yield line;
}

/** What went wrong, by S3's error code, and what to do about it. */
function bucketFailure(error: unknown, uri: string, verb: 'read' | 'write'): string {
  const name = (error as { name?: string }).name ?? '';
  switch (name) {
    case 'NoSuchKey':
      return `Nothing is at ${uri} (moved, deleted, or expired by the bucket's rules).`;
    case 'NoSuchBucket':
      return `The bucket of ${uri} does not exist: check the batch S3 location in Settings → AI.`;
    case 'AccessDenied':
      return `Your AWS credentials cannot ${verb} ${uri}: allow them s3:${verb === 'read' ? 'GetObject' : 'PutObject'} there.`;
  }
  return `Could not ${verb} ${uri} (${name || 'no answer'}): check your connection and try again.`;
}

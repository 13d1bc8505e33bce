/**
 * The user's S3 bucket as batch jobs use it: JSONL input written there, output read back line by line (an
 * output file echoes every record's images, so it is streamed, never held whole). S3's own error text is
 * not repeated (see s3-objects.ts).
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { InvalidRequestError } from '../../../shared/errors';
import { parseS3Location, s3Failure, uriOf, type S3Location } from '../bedrock/s3-objects';

export { MissingObjectError, uriOf, type S3Location } from '../bedrock/s3-objects';

/** The batch location from Settings → AI, without a trailing slash, or a refusal saying where to set it. */
export function batchLocation(s3Uri: string | undefined): S3Location {
  const location = parseS3Location(s3Uri);
  if (!location) {
    const given = s3Uri?.trim() ? ` ("${s3Uri.trim()}" is not one)` : '';
    throw new InvalidRequestError(
      `A batch run needs an S3 location${given}: set one in Settings → AI (s3://bucket/prefix) that your AWS ` +
        'credentials and the batch role can read and write.',
    );
  }
  return { ...location, key: location.key.replace(/\/+$/, '') };
}

const FAILURE = { setting: 'batch S3 location' } as const;

export function under(location: S3Location, ...parts: string[]): S3Location {
  return { bucket: location.bucket, key: [location.key, ...parts].filter(Boolean).join('/') };
}

export async function putObject(s3: S3Client, at: S3Location, body: Buffer, signal?: AbortSignal): Promise<void> {
  try {
    await s3.send(new PutObjectCommand({ Bucket: at.bucket, Key: at.key, Body: body }), { abortSignal: signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw s3Failure(error, uriOf(at), { ...FAILURE, verb: 'write' });
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
    throw s3Failure(error, uriOf(at), { ...FAILURE, verb: 'read' });
  }
  for await (const line of createInterface({ input: body, crlfDelay: Infinity })) if (line.trim()) yield line;
}

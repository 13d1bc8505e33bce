/**
 * Objects in the user's own S3 bucket, where Bedrock's asynchronous jobs write what they make: a
 * location as the user types it (`s3://bucket/prefix`), and reading an object's bytes back.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { InvalidRequestError, UpstreamError } from '../../../shared/errors';

export interface S3Location {
  bucket: string;
  /** The object's key, or the prefix of a folder; '' for the bucket's top. */
  key: string;
}

/** Bucket names as S3 allows them: 3–63 lower-case letters, digits, dots and hyphens. */
const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;

export function requireS3Location(s3Uri: string | undefined): S3Location {
  const match = S3_URI.exec(s3Uri?.trim() ?? '');
  if (!match) {
    const given = s3Uri?.trim() ? ` ("${s3Uri.trim()}" is not one)` : '';
    throw new InvalidRequestError(
      `Nova Reel needs an S3 output location${given}: set one in Settings → AI (s3://bucket/prefix) ` +
        'that your AWS credentials can write.',
    );
  }
  return { bucket: match[1], key: match[2] ?? '' };
}

export async function readS3Object(s3: S3Client, s3Uri: string, signal?: AbortSignal): Promise<Buffer> {
  const { bucket, key } = requireS3Location(s3Uri);
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
    if (!object.Body) throw new Error('S3 sent no body');
    return Buffer.from(await object.Body.transformToByteArray());
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new UpstreamError(readFailure(error, s3Uri));
  }
}

/** What went wrong, by S3's error code; S3's own text is not repeated (it can echo the request's signature). */
function readFailure(error: unknown, s3Uri: string): string {
  const name = (error as { name?: string }).name ?? '';
  switch (name) {
    case 'NoSuchKey':
      return `Nothing is at ${s3Uri} (moved, deleted, or expired by the bucket's rules): make the video again.`;
    case 'NoSuchBucket':
      return `The bucket of ${s3Uri} does not exist: check the S3 output location in Settings → AI.`;
    case 'AccessDenied':
      return `Your AWS credentials cannot read ${s3Uri}: allow them s3:GetObject on that bucket.`;
  }
  return `Could not read ${s3Uri} from S3 (${name || 'no answer'}): check your connection and try again.`;
}

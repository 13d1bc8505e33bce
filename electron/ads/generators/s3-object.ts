/**
 * Objects in the user's own S3 bucket, where Bedrock's asynchronous jobs write what they make: a
 * location as the user types it (`s3://bucket/prefix`), and reading an object's bytes back.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { InvalidRequestError } from '../../../shared/errors';
import { parseS3Location, s3Failure, type S3Location } from '../../analysis/bedrock/s3-objects';

export type { S3Location };

export function requireS3Location(s3Uri: string | undefined): S3Location {
  const location = parseS3Location(s3Uri);
  if (!location) {
    const given = s3Uri?.trim() ? ` ("${s3Uri.trim()}" is not one)` : '';
    throw new InvalidRequestError(
      `Nova Reel needs an S3 output location${given}: set one in Settings → AI (s3://bucket/prefix) ` +
        'that your AWS credentials can write.',
    );
  }
  return location;
}

export async function readS3Object(s3: S3Client, s3Uri: string, signal?: AbortSignal): Promise<Buffer> {
  const { bucket, key } = requireS3Location(s3Uri);
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
    if (!object.Body) throw new Error('S3 sent no body');
    return Buffer.from(await object.Body.transformToByteArray());
  } catch (error) {
    if (signal?.aborted) throw error;
    throw s3Failure(error, s3Uri, { verb: 'read', setting: 'S3 output location', whenGone: 'make the video again' });
  }
}

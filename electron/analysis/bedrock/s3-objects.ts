/**
 * Objects in the user's own S3 bucket, where Bedrock's asynchronous and batch jobs read and write: a
 * location as the user types it (`s3://bucket/prefix`), and what a failed read or write means for them.
 * S3's own error text is never repeated: it can echo the request's signature.
 */
import { UpstreamError } from '../../../shared/errors';

export interface S3Location {
  bucket: string;
  /** An object's key, or a folder's prefix; '' for the bucket's top. */
  key: string;
}

/** Bucket names as S3 allows them: 3–63 lower-case letters, digits, dots and hyphens. */
const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;

/** The location a URI names, or null when it is not an S3 URI. */
export function parseS3Location(s3Uri: string | undefined): S3Location | null {
  const match = S3_URI.exec(s3Uri?.trim() ?? '');
  return match ? { bucket: match[1], key: match[2] ?? '' } : null;
}

export const uriOf = ({ bucket, key }: S3Location): string => `s3://${bucket}/${key}`;

/** The object is not there (moved, deleted, expired by the bucket's rules): asking again will not bring it back. */
export class MissingObjectError extends UpstreamError {}

export interface S3FailureWords {
  verb: 'read' | 'write';
  /** The setting that names the bucket, as Settings → AI calls it. */
  setting: string;
  /** What to do when the object is gone, if anything. */
  whenGone?: string;
}

/** What went wrong, by S3's error code, and what to do about it; a missing object is its own error. */
export function s3Failure(error: unknown, uri: string, words: S3FailureWords): UpstreamError {
  const name = (error as { name?: string }).name ?? '';
  const action = words.verb === 'read' ? 'GetObject' : 'PutObject';
  switch (name) {
    case 'NoSuchKey':
      return new MissingObjectError(
        `Nothing is at ${uri} (moved, deleted, or expired by the bucket's rules)${words.whenGone ? `: ${words.whenGone}` : ''}.`,
      );
    case 'NoSuchBucket':
      return new UpstreamError(`The bucket of ${uri} does not exist: check the ${words.setting} in Settings → AI.`);
    case 'AccessDenied':
      return new UpstreamError(
        `Your AWS credentials cannot ${words.verb} ${uri}: allow them s3:${action} on that bucket.`,
      );
  }
  const where = words.verb === 'read' ? `${uri} from S3` : `to ${uri}`;
  return new UpstreamError(
    `Could not ${words.verb} ${where} (${name || 'no answer'}): check your connection and try again.`,
  );
}

import { S3Client } from '@aws-sdk/client-s3';
import type { CredentialProvider } from './credentials';

/**
 * The S3 client for reading back what Bedrock's asynchronous jobs write to the user's bucket, with the
 * same region and credentials as the Bedrock client. Path-style addressing only when a custom endpoint is
 * configured (AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL, a local stand-in); AWS itself gets virtual-hosted.
 */
export function createS3Client(region: string, credentials: CredentialProvider): S3Client {
  const customEndpoint = Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL);
  return new S3Client({ region, credentials, maxAttempts: 3, forcePathStyle: customEndpoint });
}

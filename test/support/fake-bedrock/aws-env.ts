/** The standard AWS environment pointed at a fake Bedrock: no code path knows it is a fake. */
import type { FakeBedrock } from './fake-bedrock-server';

export interface FakeKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

export const DEFAULT_FAKE_KEYS: FakeKeys = {
  accessKeyId: 'AKIDFAKEKEY0000000001',
  secretAccessKey: 'fake-secret-do-not-store-9f8e7d',
};

export function fakeBedrockEnv(
  fake: Pick<FakeBedrock, 'runtimeEndpoint' | 'controlEndpoint' | 's3Endpoint'>,
  keys: FakeKeys = DEFAULT_FAKE_KEYS,
): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.runtimeEndpoint,
    AWS_ENDPOINT_URL_BEDROCK: fake.controlEndpoint,
    AWS_ENDPOINT_URL_S3: fake.s3Endpoint,
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_REGION: 'us-east-1',
  };
}

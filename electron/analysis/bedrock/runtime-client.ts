import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { CredentialProvider } from './credentials';
import { redactFailures } from './redacted-failures';

/**
 * The SDK client as users get it (its default HTTP/2 handler). Its own retries are off:
 * the analysis queue retries with backoff it can see, count and pause. The endpoint comes
 * from the standard AWS configuration (AWS_ENDPOINT_URL_BEDROCK_RUNTIME is honoured by the SDK).
 */
export function createRuntimeClient(region: string, credentials: CredentialProvider): BedrockRuntimeClient {
  return redactFailures(new BedrockRuntimeClient({ region, credentials, maxAttempts: 1 }));
}

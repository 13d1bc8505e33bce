/**
 * Every failed call through an SDK client leaves with its message and stack redacted, whoever
 * catches it: some callers (the ad studio's product description and background removal) pass
 * SDK errors on as they are, to an API reply or a log line.
 */
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { redactCredentials } from './redact-credentials';

function redacted(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  error.message = redactCredentials(error.message);
  // The stack begins with the message as it was when the error was made.
  if (error.stack) error.stack = redactCredentials(error.stack);
  return error;
}

/** Adds, outermost, a step that redacts whatever failure leaves the client (service, network or credentials). */
export function redactFailures<Client extends BedrockRuntimeClient | BedrockClient>(client: Client): Client {
  // Both clients share the SDK's middleware stack; only its types are per client.
  (client as BedrockRuntimeClient).middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw redacted(error);
      }
    },
    { step: 'initialize', name: 'redactCredentialsInFailures' },
  );
  return client;
}

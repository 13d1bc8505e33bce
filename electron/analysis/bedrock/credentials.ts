/**
 * AWS credentials from what the user chose: the SDK's default chain, a named profile from
 * the shared config/credentials files (SSO profiles included), or an access key pair the
 * desktop shell keeps encrypted with the OS keychain. Secrets pass through here and on to
 * the SDK only; they are never stored in the library, logged or put in an error message.
 */
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { CredentialSource } from '../../../shared/model/ai';
import { InvalidRequestError } from '../../../shared/errors';
import { rememberCredentials } from './redact-credentials';

export interface AccessKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Where an entered key pair is kept. Desktop: Electron safeStorage; browser mode and CLI: nowhere. */
export interface SecretStore {
  /** Whether this environment can keep keys at all (false in browser mode and the CLI). */
  readonly available: boolean;
  has(): Promise<boolean>;
  get(): Promise<AccessKeys | null>;
  set(keys: AccessKeys): Promise<void>;
  clear(): Promise<void>;
}

/** A request this environment cannot honour, said plainly to the user. */
export class RefusedError extends InvalidRequestError {}

/** Browser mode and the CLI: only profiles and the environment. */
export const noSecretStore: SecretStore = {
  available: false,
  has: async () => false,
  get: async () => null,
  set: async () => {
    throw new RefusedError(
      'Access keys can only be stored by the desktop app (encrypted by the OS ' +
        'keychain); here, use an AWS profile or the AWS_* environment variables.',
    );
  },
  clear: async () => undefined,
};

export type CredentialProvider = ReturnType<typeof fromNodeProviderChain>;

export class MissingCredentialsError extends Error {
  override name = 'CredentialsProviderError';
}

/** The provider for this source; what it resolves is remembered so that an echo of it in an error is redacted. */
export function credentialProvider(source: CredentialSource, secrets: SecretStore): CredentialProvider {
  const provider = sourceProvider(source, secrets);
  return async (...args) => {
    const credentials = await provider(...args);
    rememberCredentials(credentials);
    return credentials;
  };
}

function sourceProvider(source: CredentialSource, secrets: SecretStore): CredentialProvider {
  switch (source.kind) {
    case 'default':
      return fromNodeProviderChain();
    case 'profile':
      return fromIni({ profile: source.profile });
    case 'stored-keys':
      return async () => {
        const keys = await secrets.get();
        if (!keys) throw new MissingCredentialsError('no access key is stored: enter one in Settings');
        return keys;
      };
  }
}

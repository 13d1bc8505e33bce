/**
 * What a user can do about AWS credentials depends on where they come from and on the mode
 * the app runs in: only the desktop app has an OS keychain to keep an entered access key, so
 * browser mode and the CLI point to profiles and the environment instead. The engine knows
 * which (SecretStore.available), so each message names only fixes that exist here.
 */
import type { CredentialSource } from '../../../shared/model/ai';

export interface CredentialAccess {
  source: CredentialSource;
  /** Whether an access key can be entered in Settings (the desktop app with a working keychain). */
  canStoreKeys: boolean;
}

const SSO_LOGIN = (profile?: string) => `"aws sso login${profile ? ` --profile ${profile}` : ''}"`;

/** The ways to give the app credentials when none are set up, as one clause. */
function waysToSetUp(canStoreKeys: boolean): string {
  const profile = `set up a profile in ~/.aws/config (for SSO, run ${SSO_LOGIN()}) and name it in Settings`;
  return canStoreKeys
    ? `${profile}, or enter an access key in Settings`
    : `${profile}, or set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) where you start Swatchbook`;
}

/** Nothing to sign the request with: it never left this machine. */
export function noCredentialsMessage({ source, canStoreKeys }: CredentialAccess): string {
  switch (source.kind) {
    case 'stored-keys':
      return canStoreKeys
        ? 'No access key is stored: enter one in Settings, or choose a profile from ~/.aws/config.'
        : `Access keys are kept only by the desktop app: here, ${waysToSetUp(false)}.`;
    case 'profile':
      return (
        `The AWS profile "${source.profile}" gave no credentials: check that it is in ~/.aws/config ` +
        `or ~/.aws/credentials; for an SSO profile, run ${SSO_LOGIN(source.profile)}.`
      );
    case 'default':
      return `No AWS credentials found: ${waysToSetUp(canStoreKeys)}.`;
  }
}

/** AWS refused the signature or the key itself. The service's text is not repeated: it may echo the key. */
export function invalidCredentialsMessage({ source, canStoreKeys }: CredentialAccess): string {
  switch (source.kind) {
    case 'stored-keys':
      return 'AWS did not accept the stored access key: enter a new key in Settings, or choose a profile.';
    case 'profile':
      return (
        `AWS did not accept the credentials of profile "${source.profile}": check them in ~/.aws/credentials, ` +
        `or for an SSO profile run ${SSO_LOGIN(source.profile)}.`
      );
    case 'default':
      return canStoreKeys
        ? 'AWS did not accept the credentials found (environment variables or the default profile): ' +
            'correct them, name another profile in Settings, or enter an access key in Settings.'
        : 'AWS did not accept the credentials found: check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and ' +
            'AWS_SESSION_TOKEN where Swatchbook was started, or the default profile in ~/.aws/config; ' +
            'or name another profile in Settings.';
  }
}

/** A temporary session (SSO, an assumed role, a session token) ran out. */
export function expiredSessionMessage({ source, canStoreKeys }: CredentialAccess): string {
  switch (source.kind) {
    case 'stored-keys':
      return 'The stored temporary key has expired: enter a new key and session token in Settings.';
    case 'profile':
      return (
        `The AWS session of profile "${source.profile}" has expired: sign in again ` +
        `(for an SSO profile, run ${SSO_LOGIN(source.profile)}) and retry.`
      );
    case 'default':
      return (
        `Your AWS session has expired: sign in again (for SSO profiles, run ${SSO_LOGIN()}) and retry` +
        `${canStoreKeys ? '' : ', or restart Swatchbook with a fresh AWS_SESSION_TOKEN'}.`
      );
  }
}

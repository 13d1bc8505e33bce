import type { CredentialSource } from '../../shared/model';
import { useApiMutation } from '../api';
import { AccessKeyForm } from './AccessKeyForm';
import { ProfileField } from './ProfileField';
import { useSettingCommit } from './use-setting-commit';
import { useSyncedState } from './use-synced-state';

interface CredentialsSettingsProps {
  value: CredentialSource;
  hasStoredKeys: boolean;
  canStoreKeys: boolean;
}

/** Where AWS credentials come from. A stored secret is never shown, only that one is stored. */
export function CredentialsSettings({ value, hasStoredKeys, canStoreKeys }: CredentialsSettingsProps) {
  const { commit, error, status } = useSettingCommit('credentials');
  const clear = useApiMutation('clearAccessKeys');
  // Choosing "profile" or "stored keys" needs a name or keys first, so the choice is local until then.
  const [kind, setKind] = useSyncedState<CredentialSource['kind']>(value.kind);
  const choose = (next: CredentialSource['kind']) => {
    setKind(next);
    if (next === 'default' || (next === 'stored-keys' && hasStoredKeys)) commit({ kind: next });
  };
  const radio = (option: CredentialSource['kind'], label: string, disabled = false) => (
    <label className="choice">
      <input
        type="radio"
        name="credentials"
        checked={kind === option}
        disabled={disabled}
        onChange={() => choose(option)}
      />
      <span>{label}</span>
    </label>
  );

  return (
    <fieldset className="setting-choices" data-testid="credentials-settings">
      <legend>AWS credentials</legend>
      {radio('default', 'Default AWS chain (environment variables, shared config and SSO, instance roles)')}
      {radio('profile', 'Named profile')}
      {kind === 'profile' && (
        <ProfileField
          value={value.kind === 'profile' ? value.profile : ''}
          onSave={(profile) => commit({ kind: 'profile', profile })}
        />
      )}
      {radio('stored-keys', 'Access keys stored by this app', !canStoreKeys)}
      {!canStoreKeys && (
        <p className="small muted" data-testid="keys-unavailable">
          Only the desktop app, on a system with a keychain, can keep access keys. Here, name a profile from
          ~/.aws/config (for SSO, run <code>aws sso login</code> first), or start Swatchbook with the AWS_ACCESS_KEY_ID
          and AWS_SECRET_ACCESS_KEY environment variables and use the default chain.
        </p>
      )}
      {canStoreKeys && hasStoredKeys && (
        <p className="small" data-testid="stored-keys">
          An access key is stored, encrypted by the OS keychain.{' '}
          <button type="button" className="danger compact" disabled={clear.isPending} onClick={() => clear.mutate({})}>
            Remove
          </button>
        </p>
      )}
      {canStoreKeys && kind === 'stored-keys' && !hasStoredKeys && <AccessKeyForm />}
      {status && (
        <span className="small muted" role="status">
          {status}
        </span>
      )}
      {(error ?? clear.error) && (
        <p className="error-text small" role="alert">
          {error ?? clear.error?.message}
        </p>
      )}
    </fieldset>
  );
}

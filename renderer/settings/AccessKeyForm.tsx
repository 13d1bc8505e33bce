import { useState, type FormEvent } from 'react';
import { apiContract } from '../../shared/api';
import { useApiMutation } from '../api';
import { fieldMessage } from './use-setting-commit';

/** Desktop only: hands a key pair to the OS keychain; the fields are cleared once it is stored. */
export function AccessKeyForm() {
  const store = useApiMutation('storeAccessKeys');
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secretAccessKey, setSecretAccessKey] = useState('');
  const [sessionToken, setSessionToken] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const keys = { accessKeyId, secretAccessKey, ...(sessionToken.trim() ? { sessionToken } : {}) };
    const checked = apiContract.storeAccessKeys.input.safeParse(keys);
    if (!checked.success)
      return setInvalid(checked.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; '));
    setInvalid(null);
    store.mutate(checked.data, {
      onSuccess: () => {
        setAccessKeyId('');
        setSecretAccessKey('');
        setSessionToken('');
      },
    });
  };

  const error = invalid ?? (store.error ? fieldMessage(store.error.message) : null);
  return (
    <form className="access-key-form" onSubmit={submit} data-testid="access-key-form">
      <label>
        <span className="small muted">Access key id</span>
        <input
          type="text"
          value={accessKeyId}
          onChange={(e) => setAccessKeyId(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label>
        <span className="small muted">Secret access key</span>
        <input
          type="password"
          value={secretAccessKey}
          onChange={(e) => setSecretAccessKey(e.target.value)}
          autoComplete="off"
        />
      </label>
      <label>
        <span className="small muted">Session token (optional)</span>
        <input
          type="password"
          value={sessionToken}
          onChange={(e) => setSessionToken(e.target.value)}
          autoComplete="off"
        />
      </label>
      <button type="submit" disabled={!accessKeyId || !secretAccessKey || store.isPending}>
        Store keys
      </button>
      {error && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

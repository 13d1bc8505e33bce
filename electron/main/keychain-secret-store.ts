import fs from 'node:fs/promises';
import path from 'node:path';
import { safeStorage } from 'electron';
import { RefusedError, type AccessKeys, type SecretStore } from '../analysis';

/**
 * An entered AWS key pair, encrypted with the OS keychain (Keychain, DPAPI, libsecret/kwallet)
 * through safeStorage, kept as one file beside the library and never in it. On Linux without
 * a keyring safeStorage falls back to a fixed key ("basic_text"): that is not protection, so
 * keys are refused there and the user is pointed to an AWS profile instead.
 */
export function keychainSecretStore(dataDir: string): SecretStore {
  const file = path.join(dataDir, 'aws-credentials.enc');
  const usable = () =>
    safeStorage.isEncryptionAvailable() &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  return {
    get available() {
      return usable();
    },
    has: async () =>
      fs.access(file).then(
        () => true,
        () => false,
      ),
    async get(): Promise<AccessKeys | null> {
      const sealed = await fs.readFile(file).catch(() => null);
      if (!sealed || !usable()) return null;
      return JSON.parse(safeStorage.decryptString(sealed)) as AccessKeys;
    },
    async set(keys: AccessKeys): Promise<void> {
      if (!usable())
        throw new RefusedError(
          'This system has no keychain to protect an access key: use an AWS profile (~/.aws/config) instead.',
        );
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, safeStorage.encryptString(JSON.stringify(keys)), { mode: 0o600 });
      await fs.rename(tmp, file);
    },
    clear: () => fs.rm(file, { force: true }),
  };
}

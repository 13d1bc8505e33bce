import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { app } from './app';

type Backend = ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>;

/**
 * Chromium's OSCrypt on Linux: AES-128-CBC with a key derived from a password. "v11" data uses the
 * keyring's password; "v10" (basic_text) uses the fixed password "peanuts", which protects nothing.
 */
const IV = Buffer.alloc(16, ' ');
const keyFrom = (password: Buffer | string) => pbkdf2Sync(password, 'saltysalt', 1, 16, 'sha1');
const FIXED_KEY = keyFrom('peanuts');

const keychain = {
  backend: 'gnome_libsecret' as Exclude<Backend, 'unknown'>,
  /** Whether the keyring answers (it may be locked or missing). */
  reachable: true,
  key: keyFrom(randomBytes(16)),
  plainTextAllowed: false,
};

const usesFixedKey = () => keychain.backend === 'basic_text';

const CANNOT_ENCRYPT = 'Error while encrypting the text provided to safeStorage.encryptString.';
const CANNOT_DECRYPT = 'Error while decrypting the ciphertext provided to safeStorage.decryptString.';

export const safeStorage = {
  /** On Linux, false before `ready`; basic_text counts only after setUsePlainTextEncryption(true). */
  isEncryptionAvailable(): boolean {
    if (process.platform !== 'linux') return keychain.reachable;
    if (!app.isReady()) return false;
    return usesFixedKey() ? keychain.plainTextAllowed : keychain.reachable;
  },
  getSelectedStorageBackend(): Backend {
    return app.isReady() ? keychain.backend : 'unknown';
  },
  setUsePlainTextEncryption(usePlainText: boolean): void {
    keychain.plainTextAllowed = usePlainText;
  },
  encryptString(plainText: string): Buffer {
    if (!safeStorage.isEncryptionAvailable()) throw new Error(`${CANNOT_ENCRYPT} Encryption is not available.`);
    const [prefix, key] = usesFixedKey() ? ['v10', FIXED_KEY] : ['v11', keychain.key];
    const cipher = createCipheriv('aes-128-cbc', key, IV);
    return Buffer.concat([Buffer.from(prefix), cipher.update(plainText, 'utf8'), cipher.final()]);
  },
  decryptString(encrypted: Buffer): string {
    if (!Buffer.isBuffer(encrypted)) {
      throw new TypeError('Expected the first argument of decryptString() to be a buffer');
    }
    if (!safeStorage.isEncryptionAvailable()) throw new Error(`${CANNOT_DECRYPT} Decryption is not available.`);
    const prefix = encrypted.subarray(0, 3).toString();
    try {
      const decipher = createDecipheriv('aes-128-cbc', prefix === 'v10' ? FIXED_KEY : keychain.key, IV);
      return Buffer.concat([decipher.update(encrypted.subarray(3)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(CANNOT_DECRYPT);
    }
  },
};

/** The machine's keychain: which backend Chromium picked, and whether it answers. */
export const keychainDouble = {
  use(options: { backend?: Exclude<Backend, 'unknown'>; reachable?: boolean }): void {
    Object.assign(keychain, options);
  },
};

import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestShell, type TestShell } from '../../support/shell-harness';

const KEYS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const REFUSAL = 'This system has no keychain to protect an access key: use an AWS profile (~/.aws/config) instead.';

let shell: TestShell;
afterEach(() => shell?.quit());

const keyFile = () => path.join(shell.dataDir, 'aws-credentials.enc');
const keychainStore = async () => (await import('../../../electron/main/keychain-secret-store')).keychainSecretStore;

describe('access keys in the OS keychain', () => {
  it('are stored encrypted through safeStorage and read back', async () => {
    shell = await startTestShell();
    expect(await shell.call('storeAccessKeys', KEYS)).toEqual({ ok: true, value: { ok: true } });
    const sealed = await fs.readFile(keyFile());
    expect(sealed.includes(KEYS.secretAccessKey)).toBe(false);
    expect(sealed.includes(KEYS.accessKeyId)).toBe(false);
    expect(shell.electron.safeStorage.decryptString(sealed)).toContain(KEYS.secretAccessKey);
    const settings = await shell.call('getAiSettings', {});
    expect(settings).toMatchObject({ ok: true, value: { hasStoredKeys: true, canStoreKeys: true } });
    const store = (await keychainStore())(shell.dataDir);
    expect(await store.get()).toEqual(KEYS);
    expect(await shell.call('clearAccessKeys', {})).toEqual({ ok: true, value: { ok: true } });
    expect(await store.get()).toBeNull();
  });

  it("are refused on Linux when safeStorage falls back to Chromium's fixed key (basic_text)", async () => {
    shell = await startTestShell({
      before(electron) {
        electron.double.keychain.use({ backend: 'basic_text' });
        // Even where plain-text encryption is switched on, and so reported "available".
        electron.safeStorage.setUsePlainTextEncryption(true);
      },
    });
    expect(shell.electron.safeStorage.isEncryptionAvailable()).toBe(true);
    expect(await shell.call('storeAccessKeys', KEYS)).toEqual({ ok: false, status: 400, error: REFUSAL });
    await expect(fs.access(keyFile())).rejects.toThrow();
    expect(await shell.call('getAiSettings', {})).toMatchObject({ ok: true, value: { canStoreKeys: false } });
  });

  it('are refused when the keychain does not answer, and not read while it does not', async () => {
    shell = await startTestShell();
    expect(await shell.call('storeAccessKeys', KEYS)).toMatchObject({ ok: true });
    shell.double.keychain.use({ reachable: false });
    expect(await shell.call('storeAccessKeys', KEYS)).toEqual({ ok: false, status: 400, error: REFUSAL });
    expect(await (await keychainStore())(shell.dataDir).get()).toBeNull();
  });
});

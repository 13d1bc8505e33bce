import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';

/** The configuration exactly as electron-builder loads it, checked against electron-builder's own schema. */
async function loadConfig() {
  const config = await getConfig(process.cwd(), null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder and flips the fuses that close Node-level entry points', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps main-process code inside the archive and ships the third-party notices', async () => {
    const config = await loadConfig();
    const unpacked = ([] as string[]).concat(config.asarUnpack ?? []);
    expect(unpacked.filter((pattern) => pattern.startsWith('out/'))).toEqual([]);
    expect(unpacked).toContain('node_modules/@img/**');
    expect(config.extraResources).toContainEqual({ from: 'out/THIRD-PARTY-NOTICES.md', to: 'THIRD-PARTY-NOTICES.md' });
  });
});

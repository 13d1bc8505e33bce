import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const electronDouble = fileURLToPath(new URL('test/support/electron-double/electron.ts', import.meta.url));

export default defineConfig({
  resolve: {
    // No Electron binary here: the shell runs in Node against a faithful double of the module.
    // Only electron/main and electron/preload import it (lint enforces that), so the alias can be global.
    alias: [{ find: /^electron$/, replacement: electronDouble }],
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

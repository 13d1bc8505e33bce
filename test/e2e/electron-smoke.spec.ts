import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
// Types window.swatchbook inside page.evaluate callbacks (which run in the page, not here).
import type {} from '../../shared/api/bridge';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Read from the files the electron installer writes; requiring the package would try to download. */
function electronExecutable(): string | null {
  const packageDir = path.join(ROOT, 'node_modules', 'electron');
  try {
    const executable = path.join(packageDir, 'dist', fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim());
    return fs.existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

const executable = electronExecutable();
const SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): the desktop shell cannot be launched here';

test.describe('Electron shell', () => {
  test('opens a locked-down window whose bridge reaches the library', async () => {
    if (!executable) {
      // The list reporter shows a skip as a bare dash: say why where the run's output is read.
      console.log(`skipped: ${SKIP_REASON}`);
      test.skip(true, SKIP_REASON);
      return;
    }
    expect(fs.existsSync(path.join(ROOT, 'out', 'main', 'index.js')), 'run `npm run build` first').toBe(true);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swatchbook-electron-'));
    const app = await electron.launch({
      executablePath: executable!,
      args: [ROOT],
      env: { ...process.env, SWATCHBOOK_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle(/Swatchbook/);
      expect(page.url()).toBe('swatchbook://app/index.html');

      // Sandboxed, context-isolated, no Node integration: the page sees no Node globals at all.
      expect(
        await page.evaluate(() => ['require', 'process', 'module', 'Buffer'].filter((name) => name in globalThis)),
      ).toEqual([]);
      expect(await page.evaluate(() => Object.keys(window.swatchbook!).sort())).toEqual([
        'call',
        'desktop',
        'mediaUrl',
        'onEvent',
      ]);

      const opened = await page.evaluate(() => window.swatchbook!.call('openDemoLibrary', {}));
      expect(opened).toMatchObject({ path: path.join(dataDir, 'demo-library') });
      await expect(page.evaluate(() => window.swatchbook!.call('addFolder', { path: 42 }))).rejects.toThrow(/path/);

      // A thumbnail loads through the media protocol once its file is ingested.
      const loaded = await page.evaluate(async () => {
        for (let attempt = 0; attempt < 120; attempt++) {
          const { items } = (await window.swatchbook!.call('search', { limit: 1 })) as { items: { hash: string }[] };
          if (items.length) {
            const image = new Image();
            image.src = window.swatchbook!.mediaUrl('thumb', items[0].hash);
            await image.decode();
            return image.naturalWidth > 0;
          }
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        return false;
      });
      expect(loaded).toBe(true);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
